"""Each measure's public description (calculator/description.py): what the site and the browser read instead of a
measure's fields. Its figures are the registry's and it is plain data; the site's build reads descriptions only.
Its window against the results: tests/calculator/test_windows.py."""

from __future__ import annotations

import ast
import json

import pytest

from calculator.measures import MEASURES
from calculator.registry import descriptions_json, descriptions_of_part, parameters_of
from sitebuild.paths import PROJECT_ROOT


@pytest.mark.parametrize("measure", MEASURES, ids=lambda m: m.id)
def test_the_figures_are_the_registry_s(measure):
    description = measure.description
    assert {figure.id for figure in description.figures} == {use.id for use in parameters_of(measure.id)}
    assert description.figures[-1].id == description.window.opens.id == "issue-date"
    assert set(description.sentences) == {figure.cite for figure in description.figures}


def test_descriptions_are_plain_data():
    data = descriptions_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    (c01,) = [entry for entry in data if entry["id"] == "c01"]
    assert c01["window"] == {"opens": "2021-07-26", "last_day": "2021-12-31", "label": "申请截至2021年12月31日"}
    assert {"id": "layoff-rate-limit", "value": "0.06", "cite": "c01-1", "text": "6％"} in c01["figures"]
    (c05,) = [entry for entry in data if entry["id"] == "c05"]
    assert {"id": "internship-remaining-share", "value": "1/3", "cite": "c05-1", "text": "不足1/3"} in c05["figures"]
    (c14,) = [entry for entry in data if entry["id"] == "c14"]
    assert c14["window"]["last_day"] is None and "没有写明截止日期" in c14["window"]["label"]
    assert c14["concepts"] == ["城镇零就业家庭", "法定退休年龄"] and "household_urban" in c14["inputs"]


def test_descriptions_by_part():
    assert [d.id for d in descriptions_of_part("c12")] == ["c12", "a1"]
    assert descriptions_of_part("c10") == ()


def test_the_site_reads_descriptions_not_measures():
    """No module of the build imports a measure or the measures: it reads calculator.description and the registry."""
    for path in sorted((PROJECT_ROOT / "sitebuild").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not {"calculator.measure", "calculator.measures"} & imported, path.name

"""The registry of the figures each measure uses (calculator/registry.py), and the parts each measure implements."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import calculator
from calculator import employment_difficulty as shared
from calculator.measures import BY_ID, MEASURES
from calculator.measures import c01_job_retention_refund as c01
from calculator.parameter import ISSUE_DATE, Parameter
from calculator.registry import PARAMETERS, measures_of_part, parameters_of
from cases import load_cases, run


def _declared() -> set[str]:
    """The id of every Parameter bound anywhere in the package."""
    return {value.id for info in pkgutil.walk_packages(calculator.__path__, "calculator.")
            for value in vars(importlib.import_module(info.name)).values() if isinstance(value, Parameter)}


def _users(parameter: Parameter) -> tuple[str, ...]:
    (use,) = [use for use in PARAMETERS if use.id == parameter.id]
    return use.measures


def test_every_parameter_of_the_package_is_registered_once_with_the_measures_that_use_it():
    ids = [use.id for use in PARAMETERS]
    assert len(set(ids)) == len(ids)
    assert set(ids) == _declared(), "a Parameter no measure uses"
    for use in PARAMETERS:
        assert use.measures and set(use.measures) <= set(BY_ID), use.id
        assert (use.cite, use.text) == (use.parameter.cite, use.parameter.text)


def test_every_measure_opens_on_the_notice_s_issue_and_uses_its_deadline():
    assert _users(ISSUE_DATE) == tuple(measure.id for measure in MEASURES)
    for measure in MEASURES:
        if measure.closes is not None:
            assert measure.closes.last_day.id in [use.id for use in parameters_of(measure.id)], measure.id


def test_a_parameter_that_only_shapes_wording_is_registered():
    """（一）'s 4个月 is read only when the module builds its notes, never inside a function."""
    assert _users(c01.ROLLOUT_MONTHS) == ("c01",)


def test_figures_of_a_shared_concept_come_with_it():
    """（三） asks whether the person is a 就业困难人员 (附件2); （十四） whether the family is a 零就业家庭: both
    declare the concept (calculator/employment_difficulty.py), which brings its figures."""
    assert _users(shared.ZERO_EMPLOYMENT_MIN_MEMBERS) == ("c03", "a2", "c14")
    assert _users(shared.REMOVED_ONCE_EMPLOYED) == ("c03", "a2", "c14")
    assert _users(shared.NEAR_RETIREMENT) == ("c03", "a2")
    assert _users(shared.ORPHAN_MIN_AGE) == ("c03", "a2")  # （三） serves those treated as 就业困难人员 too


def test_measures_by_part():
    assert [m.id for m in measures_of_part("c12")] == ["c12", "a1"]
    assert [m.id for m in measures_of_part("a1")] == ["a1"]
    assert [m.id for m in measures_of_part("c13")] == [m.id for m in measures_of_part("a2")] == ["a2"]
    assert measures_of_part("c10") == ()


@pytest.mark.parametrize("case", [case for case in load_cases() if "errors" not in case.output], ids=lambda c: c.name)
def test_every_condition_cites_a_part_the_measure_implements(case):
    for measure in run(case)["measures"]:
        for condition in measure["conditions"]:
            assert condition["cite"].split("-")[0] in BY_ID[measure["id"]].parts, (measure["id"], condition)

"""Every figure the rules take from the notice is written once, as a fact of notice/ with an id and a typed value
(the loader checks that its words stand in the sentence it cites and state that value: tests/notice/test_loader.py),
and reaches the rules through calculator/figures.py, written from those facts. Every other figure the rules use
says where it comes from."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import calculator
from calculator.parameter import Parameter, Sourced
from calculator.registry import PARAMETERS
from calculator.retirement import MEN, WOMEN_CADRES, WOMEN_WORKERS
from sitebuild.figures import MODULE, module_text


def _bound(kind: type) -> dict[str, object]:
    """Every value of this type bound in a module of the package, by where it is bound."""
    found = {}
    for info in pkgutil.walk_packages(calculator.__path__, "calculator."):
        for name, value in vars(importlib.import_module(info.name)).items():
            if isinstance(value, kind):
                found[f"{info.name}.{name}"] = value
    return found


def test_the_rules_have_their_parameters():
    assert len(PARAMETERS) >= 30


def test_calculator_figures_is_what_notice_gives(notice):
    """Regenerating calculator/figures.py from notice/ gives the committed bytes."""
    assert MODULE.read_text(encoding="utf-8") == module_text(notice.figures), (
        "calculator/figures.py is stale: run .venv/bin/python -m sitebuild.figures")


@pytest.mark.parametrize("use", PARAMETERS, ids=lambda use: use.id)
def test_each_parameter_is_the_figure_of_a_fact(use, notice):
    (figure,) = [figure for figure in notice.figures if figure.id == use.id]
    assert (figure.value, figure.cite, figure.words) == (use.parameter.value, use.cite, use.text)
    (fact,) = [fact for part in notice.parts for fact in part.explanation.facts if fact.figure == figure]
    assert use.text in fact.value and fact.value in notice.text_of(use.cite)


def test_every_parameter_of_the_package_is_a_figure_of_the_notice(notice):
    ids = {figure.id for figure in notice.figures}
    assert {parameter.id for parameter in _bound(Parameter).values()} <= ids


def test_figures_of_other_laws_say_where_they_come_from():
    sourced = _bound(Sourced)
    assert {"calculator.retirement.REFORM_IN_FORCE", "calculator.retirement.MIN_WORKING_AGE_YEARS",
            "calculator.measures.c03_training_living_allowance.DAYS_PER_MONTH"} <= set(sourced)
    for figure in [*sourced.values(), MEN, WOMEN_CADRES, WOMEN_WORKERS]:
        assert figure.source.strip(), figure

"""The registry of the figures each measure uses (calculator/registry.py), and the parts each measure implements."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import calculator
from calculator.measures import BY_ID, MEASURES
from calculator.measures import a2_employment_difficulty as a2
from calculator.measures import c01_job_retention_refund as c01
from calculator.parameter import ISSUE_DATE, Parameter
from calculator.registry import PARAMETERS, measures_of_part, parameters_of
from cases import load_cases, run


def _declared() -> list[Parameter]:
    """Every Parameter bound anywhere in the package, each object once."""
    found: dict[int, Parameter] = {}
    for info in pkgutil.walk_packages(calculator.__path__, "calculator."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, Parameter):
                found[id(value)] = value
    return list(found.values())


def _users(parameter) -> tuple[str, ...]:
    (use,) = [use for use in PARAMETERS if use.parameter is parameter]
    return use.measures


def test_every_parameter_of_the_package_is_registered_once_with_the_measures_that_use_it():
    registered = [use.parameter for use in PARAMETERS]
    assert len({id(p) for p in registered}) == len(registered)
    assert {id(p) for p in registered} == {id(p) for p in _declared()}, "a Parameter no measure uses"
    for use in PARAMETERS:
        assert use.measures and set(use.measures) <= set(BY_ID), use.name
        assert (use.cite, use.text) == (use.parameter.cite, use.parameter.text)


def test_names_say_where_a_parameter_is_declared():
    names = {use.name for use in PARAMETERS}
    assert "calculator.parameter.ISSUE_DATE" in names
    assert "calculator.measures.c01_job_retention_refund.LAYOFF_RATE_LIMIT" in names
    assert "calculator.measures.a2_employment_difficulty.ZERO_EMPLOYMENT_MIN_MEMBERS" in names


def test_every_measure_opens_on_the_notice_s_issue_and_uses_its_deadline():
    assert _users(ISSUE_DATE) == tuple(measure.id for measure in MEASURES)
    for measure in MEASURES:
        if measure.closes is not None:
            assert measure.closes.last_day in [use.parameter for use in parameters_of(measure.id)], measure.id


def test_a_parameter_that_only_shapes_wording_is_found():
    """（一）'s 4个月 is read only when the module builds its notes, never inside a function."""
    assert _users(c01.ROLLOUT_MONTHS) == ("c01",)


def test_figures_reached_through_another_measure_s_functions_are_found():
    """（三） asks whether the person is a 就业困难人员 (附件2); （十四） whether the family is a 零就业家庭."""
    assert _users(a2.ZERO_EMPLOYMENT_MIN_MEMBERS) == ("c03", "a2", "c14")
    assert _users(a2.REMOVED_ONCE_EMPLOYED) == ("c03", "a2", "c14")
    assert _users(a2.NEAR_RETIREMENT) == ("c03", "a2")
    assert _users(a2.ORPHAN_MIN_AGE) == ("c03", "a2")  # （三） serves those treated as 就业困难人员 too


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

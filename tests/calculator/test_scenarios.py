"""The named scenario cases (cases/<measure id>/*.yaml) give the results they state, and lie where the rules do."""

from __future__ import annotations

import dataclasses

import pytest

from calculator.measures import MEASURES
from cases import INPUT_CASES, load_cases, mismatches, run

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{case.file}:{case.name}" for case in CASES])
def test_case(case):
    assert mismatches(case, run(case)) == []


def test_cases_cover_the_measures_and_have_distinct_names():
    assert len(CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)
    covered = {measure_id for case in CASES for measure_id in case.output.get("measures", {})}
    assert covered == {"c01", "c03", "c04", "c05", "c06", "c07", "c08", "c12", "a1", "a2", "c14", "c15"}


def test_the_cases_mirror_the_measures():
    """A folder per measure, holding the cases that are about it (it comes first in what they expect); the cases
    about bad input, which reach no measure, in their own folder."""
    folders = {case.file.split("/")[0] for case in CASES}
    assert folders == {measure.id for measure in MEASURES} | {INPUT_CASES}
    for case in CASES:
        folder = case.file.split("/")[0]
        about = next(iter(case.output.get("measures", {})), INPUT_CASES)
        assert folder == about, f"{case.file}: {case.name} is about {about}"


def test_a_wrong_expectation_is_caught():
    case = next(case for case in CASES if "c01" in case.output.get("measures", {}))
    expected = case.output["measures"]["c01"]
    for key, wrong in (("status", "closed"), ("amount", 1), ("missing", ["asker"]), ("outcomes", ["unknown"]),
                       ("figures", {"layoff_rate": 0.5}), ("figures", {"no_application": 1}),
                       ("figures", {"not_a_figure": None}), ("label", "不符合条件"), ("says", ["没有这句话"])):
        altered = dataclasses.replace(case, output={"measures": {"c01": {**expected, key: wrong}}})
        assert mismatches(altered, run(case)), key
    assert mismatches(dataclasses.replace(case, output={"errors": ["asker"]}), run(case))

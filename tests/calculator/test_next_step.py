"""The next step and the office of each result: the office the notice names, and a next step that never repeats
the questions the result lists as `missing` (the page and the command line show those once)."""

from __future__ import annotations

import pytest

import calculator
from calculator.inputs import INPUTS
from calculator.measures import MEASURES

# Answers that leave most measures open: only who is asking.
ASKERS = [{"asker": "individual"}, {"asker": "unit"}]


@pytest.mark.parametrize("answers", ASKERS, ids=[a["asker"] for a in ASKERS])
@pytest.mark.parametrize("as_of", ["2021-09-01", "2026-12-02"])
def test_every_result_names_the_office_of_its_measure(answers: dict, as_of: str) -> None:
    offices = {measure.id: measure.office for measure in MEASURES}
    for result in calculator.evaluate(answers, as_of)["measures"]:
        assert result["office"] == offices[result["id"]]


@pytest.mark.parametrize("answers", ASKERS, ids=[a["asker"] for a in ASKERS])
def test_a_need_info_next_step_does_not_repeat_the_missing_questions(answers: dict) -> None:
    need_info = [m for m in calculator.evaluate(answers, "2021-09-01")["measures"] if m["status"] == "need_info"]
    assert need_info, "answering only who asks leaves measures open"
    for result in need_info:
        assert result["missing"]
        assert not [i for i in result["missing"] if INPUTS[i].label in result["next_step"]], result["next_step"]
        assert result["office"] in result["next_step"]


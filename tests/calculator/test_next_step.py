"""The next step and the office of each result: the office the notice names (or that it names none), and a next
step that never repeats the questions the result lists as `missing` (the page and the command line show those once)."""

from __future__ import annotations

import pytest

import calculator
from calculator.contacts import NATIONAL_HOTLINE, NO_OFFICE
from calculator.inputs import INPUTS
from calculator.measures import MEASURES
from sitebuild.loader import load_notice
from sitebuild.paths import NOTICE_DIR

# Answers that leave most measures open: only who is asking.
ASKERS = [{"asker": "individual"}, {"asker": "unit"}]


def test_an_office_is_named_as_the_sentence_it_cites_names_it() -> None:
    notice = load_notice(NOTICE_DIR)
    named = [measure for measure in MEASURES if measure.office is not None]
    assert named, "the notice names an office for （八）"
    for measure in named:
        assert measure.office.cite.split("-")[0] in measure.parts, measure.id
        assert measure.office.name in notice.text_of(measure.office.cite), measure.id


@pytest.mark.parametrize("answers", ASKERS, ids=[a["asker"] for a in ASKERS])
@pytest.mark.parametrize("as_of", ["2021-09-01", "2026-12-02"])
def test_every_result_names_the_office_of_its_measure_or_says_the_notice_names_none(answers: dict, as_of: str) -> None:
    offices = {measure.id: measure.office for measure in MEASURES}
    for result in calculator.evaluate(answers, as_of)["measures"]:
        office = offices[result["id"]]
        assert result["office"] == (None if office is None else {"name": office.name, "cite": office.cite})
        if result["status"] == "not_yet_open":
            continue
        if office is None:
            assert f"{NO_OFFICE}，可拨打{NATIONAL_HOTLINE.name}{NATIONAL_HOTLINE.number}" in result["next_step"]
        else:
            assert f"可向{office.name}咨询" in result["next_step"]


@pytest.mark.parametrize("answers", ASKERS, ids=[a["asker"] for a in ASKERS])
def test_a_need_info_next_step_does_not_repeat_the_missing_questions(answers: dict) -> None:
    need_info = [m for m in calculator.evaluate(answers, "2021-09-01")["measures"] if m["status"] == "need_info"]
    assert need_info, "answering only who asks leaves measures open"
    for result in need_info:
        assert result["missing"]
        assert not [i for i in result["missing"] if INPUTS[i].label in result["next_step"]], result["next_step"]

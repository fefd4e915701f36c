"""Bad input: one InputError naming every bad field in Chinese; nothing else escapes."""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal

import pytest

from calculator import InputError, evaluate
from calculator.inputs import INPUTS, ORDER

CJK = re.compile(r"[\u4e00-\u9fff]")


def errors_of(answers, as_of="2021-09-01", **kwargs) -> dict[str, str]:
    with pytest.raises(InputError) as raised:
        evaluate(answers, as_of, **kwargs)
    errors = raised.value.errors
    assert all(set(error) == {"field", "message"} and CJK.search(error["message"]) for error in errors)
    return {error["field"]: error["message"] for error in errors}


@pytest.mark.parametrize(("field", "value"), [
    ("asker", "company"), ("asker", 1), ("asker", True),
    ("insured_staff_last_year", -1), ("insured_staff_last_year", 1.5), ("insured_staff_last_year", "10"),
    ("insured_staff_last_year", True), ("insured_staff_last_year", 10_000_001), ("insured_staff_last_year", math.nan),
    ("uic_paid_last_year", -0.01), ("uic_paid_last_year", "100"), ("uic_paid_last_year", math.inf),
    ("uic_paid_last_year", Decimal("NaN")), ("uic_paid_last_year", False), ("uic_paid_last_year", [1]),
    ("runs_internship", "yes"), ("runs_internship", 1), ("runs_internship", "是"),
    ("internship_start", "2021/03/01"), ("internship_start", "20210301"), ("internship_start", "2021-02-30"),
    ("internship_start", "2021-3-1"), ("internship_start", 20210301), ("internship_start", "1899-12-31"),
    ("internship_start", datetime.datetime(2021, 3, 1, 8, 0)),
])
def test_a_wrong_value_is_reported_on_its_field(field, value):
    answers = {"asker": "unit", field: value}
    assert set(errors_of(answers)) == {field}


def test_every_bad_field_is_reported_at_once():
    errors = errors_of({"asker": "unit", "unit_type": "company", "insured_staff_last_year": -3,
                        "internship_start": "2021/03/01", "favourite_colour": "blue"}, as_of="2021-13-01",
                       measures=["c99"])
    assert list(errors) == ["measures", "as_of", "unit_type", "insured_staff_last_year", "internship_start",
                            "favourite_colour"]
    assert "2021-07-26" in errors["internship_start"]
    assert "enterprise（企业）" in errors["unit_type"]
    assert "0到10000000之间的整数" in errors["insured_staff_last_year"]


def test_layoffs_above_head_count_are_refused():
    errors = errors_of({"asker": "unit", "insured_staff_last_year": 10, "layoffs_last_year": 11})
    assert errors == {"layoffs_last_year": "上年度裁员人数（11人）不能多于上年度参保职工人数（10人）。"}
    evaluate({"asker": "unit", "insured_staff_last_year": 10, "layoffs_last_year": 10}, "2021-09-01")


def test_household_counts_must_add_up():
    base = {"asker": "individual", "household_urban": True, "household_able_members": 3}
    assert set(errors_of({**base, "household_members_working": 4})) == {"household_members_working"}
    assert set(errors_of({**base, "household_members_working": 1, "household_members_with_business_income": 3})) == {
        "household_members_with_business_income"}
    evaluate({**base, "household_members_working": 1, "household_members_with_business_income": 2}, "2021-09-01")


def test_dates_must_fit_together_and_not_lie_after_as_of():
    internship = {"asker": "unit", "runs_internship": True, "internship_start": "2021-05-01"}
    assert set(errors_of({**internship, "internship_end": "2021-05-01"})) == {"internship_end"}
    assert set(errors_of({**internship, "intern_hired_on": "2021-04-30"})) == {"intern_hired_on"}
    assert set(errors_of({**internship, "intern_hired_on": "2021-09-02"})) == {"intern_hired_on"}
    assert set(errors_of({"asker": "individual", "birth_date": "2021-09-02"})) == {"birth_date"}
    evaluate({"asker": "individual", "birth_date": "2021-09-01"}, "2021-09-01")


def test_as_of_and_answers_must_be_usable():
    assert set(errors_of({}, as_of="yesterday")) == {"as_of"}
    assert set(errors_of({}, as_of=20210901)) == {"as_of"}
    with pytest.raises(InputError) as raised:
        evaluate(["asker", "unit"])
    assert raised.value.errors[0]["field"] == "answers"
    with pytest.raises(InputError) as raised:
        evaluate({1: "unit"})
    assert raised.value.errors[0]["field"] == "1"


def test_measures_must_be_a_list_of_known_ids():
    assert set(errors_of({}, measures="c01")) == {"measures"}
    assert set(errors_of({}, measures=[["c01"]])) == {"measures"}
    assert set(errors_of({}, measures=5)) == {"measures"}
    assert "c02" in errors_of({}, measures=["c01", "c02"])["measures"]
    assert [m["id"] for m in evaluate({}, "2021-09-01", measures=("c15", "c01"))["measures"]] == ["c01", "c15"]


def test_unknown_answers_may_be_absent_or_none():
    assert evaluate({"asker": "unit", "unit_type": None}, "2021-09-01") == evaluate({"asker": "unit"}, "2021-09-01")


def test_accepted_forms_of_values():
    as_date = evaluate({"asker": "individual", "birth_date": datetime.date(1970, 1, 1)}, datetime.date(2021, 9, 1))
    as_text = evaluate({"asker": "individual", "birth_date": "1970-01-01"}, "2021-09-01")
    assert as_date == as_text
    whole_float = evaluate({"asker": "unit", "insured_staff_last_year": 40.0, "layoffs_last_year": 2}, "2021-09-01")
    assert whole_float == evaluate({"asker": "unit", "insured_staff_last_year": 40, "layoffs_last_year": 2},
                                   "2021-09-01")
    assert evaluate({}, datetime.datetime(2021, 9, 1, 23, 59))["as_of"] == "2021-09-01"
    assert evaluate({})["as_of"] == datetime.date.today().isoformat()


def test_money_is_taken_to_the_cent():
    result = evaluate({"asker": "unit", "unit_type": "social_group", "insured_staff_last_year": 5,
                       "layoffs_last_year": 0, "uic_paid_last_year": 0.1 + 0.2}, "2021-09-01", measures=["c01"])
    assert result["measures"][0]["amount"]["value"] == 0.18


def test_an_answer_to_a_question_not_asked_is_ignored():
    """As in the form: enterprise size is asked of enterprises only, and a stale answer does not count."""
    social_group = {"asker": "unit", "unit_type": "social_group", "insured_staff_last_year": 5,
                    "layoffs_last_year": 0, "uic_paid_last_year": 1000}
    assert evaluate({**social_group, "enterprise_size": "large"}, "2021-09-01") == evaluate(social_group,
                                                                                            "2021-09-01")
    individual = evaluate({"asker": "individual", "unit_type": "enterprise"}, "2021-09-01")
    assert "c01" not in [m["id"] for m in individual["measures"]]


def test_a_wrong_value_is_refused_even_for_a_question_not_asked():
    assert set(errors_of({"asker": "individual", "layoffs_last_year": -1})) == {"layoffs_last_year"}


@pytest.mark.parametrize(("answers", "field", "also"), [
    ({"asker": "individual", "employment_status": "self_employed", "household_urban": True,
      "household_able_members": 2, "household_members_working": 0}, "household_members_working", "employment_status"),
    ({"asker": "individual", "employment_status": "employed_other", "military_spouse_without_work": True},
     "military_spouse_without_work", "employment_status"),
    ({"asker": "individual", "employment_status": "not_working", "school_kind": "higher_vocational",
      "flexible_si_subsidy_ended": True, "stable_employment": True}, "stable_employment", "employment_status"),
    ({"asker": "individual", "dibao_family": "rural", "household_urban": True}, "household_urban", "dibao_family"),
    ({"asker": "individual", "employment_status": "not_working", "able_and_willing_to_work": True,
      "household_urban": True, "household_able_members": 1, "household_members_working": 1},
     "household_members_working", "able_and_willing_to_work"),
    ({"asker": "unit", "runs_internship": True, "internship_start": "2021-01-15", "internship_end": "2021-04-15",
      "internship_term_unit": "months"}, "internship_term_unit", "internship_end"),
])
def test_answers_that_contradict_each_other_are_named_together_on_the_later_question(answers, field, also):
    message = errors_of(answers)[field]
    later, earlier = INPUTS[field], INPUTS[also]
    assert ORDER[field] > ORDER[also]
    assert later.label in message or "期满日期" in message
    assert earlier.label in message or answers[also] in message


@pytest.mark.parametrize("answers", [
    # past the legal retirement age: not among the household's members of working age
    {"asker": "individual", "birth_date": "1950-01-01", "sex": "male", "employment_status": "employed_other",
     "household_urban": True, "household_able_members": 2, "household_members_working": 0},
    # under 16: not among them either
    {"asker": "individual", "birth_date": "2010-01-01", "employment_status": "not_working",
     "able_and_willing_to_work": True, "household_urban": True, "household_able_members": 1,
     "household_members_working": 1},
    {"asker": "individual", "dibao_family": "urban", "household_urban": True},
    {"asker": "unit", "runs_internship": True, "internship_start": "2021-01-15", "internship_end": "2021-04-14",
     "internship_term_unit": "months"},
])
def test_answers_that_only_look_contradictory_are_accepted(answers):
    evaluate(answers, "2021-09-01")

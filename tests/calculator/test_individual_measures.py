"""The rules for residents: training allowance, 展翅行动, unemployment assistance, tax relief, graduates."""

from __future__ import annotations

import pytest

from measure_result import measure_result


def person(measure_id, as_of="2021-09-01", **answers):
    return measure_result(measure_id, {"asker": "individual", **answers}, as_of)


# ---- （三）培训期间生活费补贴 ----
TRAINEE = {"poverty_status": "alleviated", "in_free_training": True, "two_after_student": "no"}


@pytest.mark.parametrize(("times", "status"), [(1, "eligible"), (3, "eligible"), (4, "not_eligible")])
def test_c03_at_most_three_free_trainings_a_year(times, status):
    assert person("c03", **TRAINEE, free_trainings_this_year=times)["status"] == status


def test_c03_daily_allowance_is_an_estimate_and_says_why():
    found = person("c03", **TRAINEE, free_trainings_this_year=1, training_days=10, rural_dibao_standard=620)
    assert found["amount"]["value"] == 310  # 620 × 1.5 ÷ 30 × 10
    assert found["amount"]["bound"] == "estimate"
    assert "没有写明折天的除数" in found["amount"]["formula"]


def test_c03_employment_difficulty_person_uses_the_urban_standard():
    found = person("c03", in_free_training=True, poverty_status="none", disabled=True, free_trainings_this_year=1,
                   training_days=30, urban_dibao_standard=700)
    assert found["status"] == "eligible"
    assert found["amount"]["value"] == 700
    both = person("c03", **TRAINEE, disabled=True, free_trainings_this_year=1, training_days=5,
                  rural_dibao_standard=600)
    assert any("同时属于就业困难人员" in note for note in both["notes"])


EVERYTHING_NO = {
    "poverty_status": "none", "dibao_family": "none", "disabled": False, "single_parent_of_minor": False,
    "military_spouse_without_work": False, "special_care_recipient": False, "martyr_family": "none",
    "household_urban": False, "employment_status": "employed_other",
}
NOT_TREATED_AS_ONE = {"model_worker": False, "land_expropriated_farmer": False, "orphan": False}


def test_c03_neither_group():
    found = person("c03", in_free_training=True, two_after_student="no", **EVERYTHING_NO, **NOT_TREATED_AS_ONE)
    assert found["status"] == "not_eligible"
    assert found["missing"] == []


def test_c03_asks_about_those_who_may_be_treated_as_employment_difficulty_persons():
    """附件2 二: a 劳动模范, 失地农民 or 孤儿 is not refused; the conditions of 辽政发〔2020〕9号 are asked."""
    missing = person("c03", in_free_training=True, two_after_student="no", **EVERYTHING_NO)["missing"]
    assert {"model_worker", "land_expropriated_farmer", "orphan"} <= set(missing)
    assert "meets_reference_conditions" not in missing  # asked once one of the five groups applies
    farmer = {**EVERYTHING_NO, **NOT_TREATED_AS_ONE, "land_expropriated_farmer": True}
    found = person("c03", in_free_training=True, two_after_student="no", free_trainings_this_year=1, **farmer)
    assert (found["status"], found["missing"]) == ("need_info", ["meets_reference_conditions"])
    condition = next(c for c in found["conditions"] if c["outcome"] == "unknown")
    assert "您是土地被依法征收的失地农民" in condition["text"] and "辽政发〔2020〕9号" in condition["text"]
    treated = person("c03", in_free_training=True, two_after_student="no", free_trainings_this_year=1,
                     meets_reference_conditions=True, **farmer)
    assert treated["status"] == "eligible"


def test_c03_preparatory_training_for_two_after_students():
    assert person("c03", in_free_training=True, two_after_student="urban_dibao",
                  preparatory_training_months=2)["amount"] == {
        "value": 600, "unit": "元", "bound": "exact", "formula": "每人每月300元 × 2个月 = 600.00元"}
    assert person("c03", in_free_training=True, two_after_student="other",
                  **{**EVERYTHING_NO, **NOT_TREATED_AS_ONE, "employment_status": "student"})["status"] == "not_eligible"


def test_c03_not_in_training():
    found = person("c03", in_free_training=False)
    assert found["status"] == "not_eligible"
    assert [c["outcome"] for c in found["conditions"]] == ["not_met"]


# ---- （四）“展翅行动” ----
@pytest.mark.parametrize(("months", "status"), [(11, "not_eligible"), (12, "eligible"), (240, "eligible")])
def test_c04_one_year_of_contributions(months, status):
    assert person("c04", employment_status="employed_enterprise", uib_contribution_months=months)["status"] == status


def test_c04_is_for_enterprise_staff():
    assert person("c04", employment_status="employed_other")["status"] == "not_eligible"


# ---- （六）失业补助金 ----
UNEMPLOYED = {"employment_status": "not_working", "insured_before_unemployment": True,
              "ui_benefit_situation": "ended_still_unemployed", "received_unemployment_assistance": False}


@pytest.mark.parametrize(("arose", "status"), [("2020-12-31", "not_eligible"), ("2021-01-01", "eligible")])
def test_c06_cases_from_2021_01_01(arose, status):
    assert person("c06", **UNEMPLOYED, unemployment_case_date=arose)["status"] == status


@pytest.mark.parametrize(("as_of", "status", "payment_note"), [
    ("2021-12-31", "eligible", None),
    ("2022-01-01", "closed", "实际发放时间最长可至2022年6月30日"),
    ("2022-06-30", "closed", "实际发放时间最长可至2022年6月30日"),
    ("2022-07-01", "closed", "到判断日期已经结束"),
])
def test_c06_application_and_payment_deadlines(as_of, status, payment_note):
    found = person("c06", as_of, **UNEMPLOYED, unemployment_case_date="2021-05-01")
    assert found["status"] == status
    payment = [note for note in found["notes"] if "2022年6月30日" in note]
    assert (payment_note is None and payment == []) or payment_note in payment[0]


def test_c06_benefit_being_paid_or_once_only_or_uninsured():
    assert person("c06", **{**UNEMPLOYED, "ui_benefit_situation": "receiving"})["status"] == "not_eligible"
    assert person("c06", **{**UNEMPLOYED, "received_unemployment_assistance": True},
                  unemployment_case_date="2021-05-01")["status"] == "not_eligible"
    uninsured = person("c06", employment_status="not_working", insured_before_unemployment=False)
    assert uninsured["status"] == "not_eligible" and uninsured["missing"] == []
    assert person("c06", employment_status="employed_enterprise")["status"] == "not_eligible"


# ---- （七）税收优惠 ----
@pytest.mark.parametrize(("choice", "status"), [("veteran", "eligible"), ("key_group", "eligible"),
                                                ("neither", "not_eligible")])
def test_c07_veterans_and_key_groups(choice, status):
    found = person("c07", "2025-12-31", veteran_or_key_group=choice)
    assert found["status"] == status
    assert found["amount"] is None
    assert any("财税〔2019〕22号" in note for note in found["notes"])


def test_c07_needs_to_know_who_asks():
    (found,) = [m for m in __import__("calculator").evaluate({}, "2022-01-01")["measures"] if m["id"] == "c07"]
    assert found["missing"] == ["asker"]


# ---- （八）毕业年度毕业生 ----
@pytest.mark.parametrize(("used", "left"), [(0, 3), (2, 1), (3, 0), (7, 0)])
def test_c08_training_subsidy_at_most_three_times_a_year(used, left):
    found = person("c08", school_kind="undergraduate_university", graduating_year=True,
                   obtained_certificate_this_year=True, training_subsidies_used_this_year=used)
    assert found["amount"]["value"] == left
    assert found["amount"]["unit"] == "次"


@pytest.mark.parametrize("school", ["undergraduate_university", "higher_vocational", "secondary_vocational",
                                    "technical_school"])
def test_c08_schools_in_scope(school):
    assert person("c08", school_kind=school, graduating_year=True,
                  obtained_certificate_this_year=True)["status"] == "eligible"


def test_c08_graduating_year_and_certificate_are_required():
    assert person("c08", school_kind="technical_school", graduating_year=False)["status"] == "not_eligible"
    assert person("c08", school_kind="technical_school", graduating_year=True,
                  obtained_certificate_this_year=False)["status"] == "not_eligible"


# ---- （十二）灵活就业社会保险补贴延长 ----
def test_c12_not_for_graduates_already_in_stable_work():
    assert person("c12", school_kind="higher_vocational", flexible_si_subsidy_ended=True,
                  stable_employment=True)["status"] == "not_eligible"
    assert person("c12", school_kind="higher_vocational", flexible_si_subsidy_ended=False)["status"] == "not_eligible"


# ---- 附件1 一次性求职创业补贴 ----
def test_a1_orphans_are_newly_added():
    found = person("a1", school_kind="technical_school", orphan=True)
    assert found["conditions"][1]["cite"] == "a1-8"
    assert any("新纳入" in note for note in found["notes"])


def test_a1_needs_one_group_only():
    found = person("a1", school_kind="higher_vocational", disabled=True)
    assert found["status"] == "in_scope" and found["missing"] == []
    pending = person("a1", school_kind="higher_vocational", disabled=False)
    assert pending["status"] == "need_info"
    assert "disabled" not in pending["missing"] and "orphan" in pending["missing"]

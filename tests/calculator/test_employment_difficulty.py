"""附件2 and （十三）（十四）: the zero-employment family test, near retirement (以内 vs 不足), the orphan age."""

from __future__ import annotations

import pytest

from measure_result import measure_result


def person(measure_id, as_of="2026-11-27", **answers):
    return measure_result(measure_id, {"asker": "individual", **answers}, as_of)


def household(able, working, income):
    return {"household_urban": True, "household_able_members": able, "household_members_working": working,
            "household_members_with_business_income": income}


@pytest.mark.parametrize(("able", "working", "income", "outcome"), [
    (2, 0, 0, "met"), (3, 0, 1, "met"), (1, 0, 0, "not_met"), (2, 0, 1, "not_met"), (0, 0, 0, "not_met"),
    (2, 1, 0, "not_met"), (5, 1, 0, "not_met"),
])
def test_zero_employment_family(able, working, income, outcome):
    zero = person("a2", **household(able, working, income))["conditions"]
    check = next(c for c in zero if c["text"].startswith("城镇零就业家庭成员")) if outcome == "not_met" else zero[0]
    assert check["outcome"] == outcome


def test_a_family_with_one_member_working_is_removed():
    found = person("a2", **household(3, 1, 0))
    check = next(c for c in found["conditions"] if c["text"].startswith("城镇零就业家庭成员"))
    assert check["cite"] == "c13-3"
    assert any("按其他类别" in note for note in found["notes"])


def test_only_urban_families():
    found = person("a2", household_urban=False)
    assert next(c for c in found["conditions"] if c["cite"] == "a2-1-1")["outcome"] == "not_met"


MAN_1966 = {"birth_date": "1966-09-01", "sex": "male", "employment_status": "not_working",
            "registered_unemployed": True, "household_urban": False, "poverty_status": "none"}


@pytest.mark.parametrize(("as_of", "within", "under"), [
    ("2021-08-31", "not_met", "not_met"),  # more than 5 years to go (retires 2026-09-01 under the old rules)
    ("2021-09-01", "met", "not_met"),  # exactly 5 years: 「5年以内」 yes, 「不足5年」 not yet
    ("2021-09-02", "met", "met"),
    ("2024-12-31", "met", "met"),
])
def test_near_retirement_inclusive_and_strict(as_of, within, under):
    a2 = person("a2", as_of, **MAN_1966)
    registered = next(c for c in a2["conditions"] if c["cite"] == "a2-1-3")
    c14 = person("c14", as_of, **MAN_1966)
    assert registered["outcome"] == within
    assert c14["conditions"][0]["outcome"] == under


def test_near_retirement_under_the_reform():
    # born September 1966 (the sixth four-month cohort from January 1965): 60 years 6 months from 2025 on
    after = person("c14", "2025-01-01", **MAN_1966)
    assert "您的法定退休年龄为60岁6个月，于2027年3月1日达到" in after["conditions"][0]["text"]
    assert after["conditions"][0]["outcome"] == "met"
    assert any("渐进式延迟法定退休年龄" in note for note in after["notes"])


def test_having_reached_retirement_age():
    found = person("c14", "2027-03-01", **MAN_1966)
    assert person("c14", "2027-02-28", **MAN_1966)["conditions"][0]["outcome"] == "met"
    assert found["conditions"][0]["outcome"] == "not_met"
    assert "于2027年3月1日达到，判断日期已到该日" in found["conditions"][0]["text"]


def test_registered_unemployment_is_required_for_a2_1_3():
    found = person("a2", "2024-01-01", **{**MAN_1966, "registered_unemployed": False})
    assert next(c for c in found["conditions"] if c["cite"] == "a2-1-3")["outcome"] == "not_met"


@pytest.mark.parametrize(("as_of", "outcome"), [("2026-11-26", "not_met"), ("2026-11-27", "met")])
def test_orphans_from_sixteen(as_of, outcome):
    found = person("a2", as_of, birth_date="2010-11-27", orphan=True, able_and_willing_to_work=True)
    orphan = next(c for c in found["conditions"] if c["cite"] == "a2-2-5")
    assert orphan["outcome"] == outcome


@pytest.mark.parametrize(("as_of", "outcome"), [("2025-12-31", "met"), ("2026-01-01", "not_met")])
def test_rural_public_welfare_priority_until_2025(as_of, outcome):
    found = person("c14", as_of, poverty_status="alleviated", employment_status="not_working")
    assert next(c for c in found["conditions"] if c["cite"] == "c14-5")["outcome"] == outcome


@pytest.mark.parametrize(("answers", "cite"), [
    ({"dibao_family": "urban"}, "a2-1-2"), ({"disabled": True}, "a2-1-4"), ({"single_parent_of_minor": True}, "a2-1-5"),
    ({"military_spouse_without_work": True}, "a2-1-6"), ({"special_care_recipient": True}, "a2-1-7"),
    ({"martyr_family": "other"}, "a2-1-8"),
])
def test_each_category_on_its_own(answers, cite):
    found = person("a2", **answers)
    assert (found["status"], found["status_label"]) == ("in_scope", "属于就业困难人员范围")
    assert [c["cite"] for c in found["conditions"]] == [cite]


@pytest.mark.parametrize(("answers", "cite"), [({"model_worker": True}, "a2-2-1"),
                                               ({"land_expropriated_farmer": True}, "a2-2-2")])
def test_each_category_treated_as_one_needs_the_conditions_of_liaozhengfa_2020_9(answers, cite):
    open_ = person("a2", **answers)
    assert open_["status"] == "need_info" and "meets_reference_conditions" in open_["missing"]
    met = person("a2", **answers, meets_reference_conditions=True)
    assert (met["status"], met["status_label"]) == ("in_scope", "属于可参照就业困难人员享受相关政策人员范围")
    assert [c["cite"] for c in met["conditions"]] == [cite, "a2-2-intro"]
    everything_else_no = {"dibao_family": "none", "disabled": False, "single_parent_of_minor": False,
                          "military_spouse_without_work": False, "special_care_recipient": False,
                          "martyr_family": "none", "household_urban": False, "poverty_status": "none",
                          "employment_status": "not_working", "registered_unemployed": False}
    refused = person("a2", **answers, **everything_else_no, meets_reference_conditions=False)
    assert (refused["status"], refused["missing"]) == ("not_in_scope", [])


def test_reference_categories_are_said_to_be_by_reference():
    found = person("a2", model_worker=True)
    assert any("辽政发〔2020〕9号" in note for note in found["notes"])


def test_rural_labour_needs_working_age_ability_and_no_job():
    base = {"poverty_status": "rural_low_income", "in_key_assistance_county": True, "birth_date": "1980-01-01",
            "sex": "male", "able_and_willing_to_work": True, "employment_status": "not_working"}
    assert next(c for c in person("a2", **base)["conditions"] if c["cite"] == "a2-1-10")["outcome"] == "met"
    for change in ({"able_and_willing_to_work": False}, {"employment_status": "self_employed"},
                   {"birth_date": "1950-01-01"}, {"birth_date": "2012-01-01"}):
        conditions = person("a2", **{**base, **change})["conditions"]
        assert next(c for c in conditions if c["cite"] == "a2-1-10")["outcome"] == "not_met", change

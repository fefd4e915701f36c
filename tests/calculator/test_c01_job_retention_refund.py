"""（一）失业保险稳岗返还: the layoff-rate thresholds, the 30-staff line, 免申即享 at 200, the refund ceilings."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.batch import _percent
from calculator.wording import shown_percent
from measure_result import measure_result


def c01(as_of="2021-09-01", **answers):
    return measure_result("c01", {"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", **answers},
                          as_of)


@pytest.mark.parametrize(("staff", "layoffs", "status"), [
    (100, 6, "eligible"), (100, 7, "not_eligible"),  # 6％ inclusive
    (1000, 60, "eligible"), (1000, 61, "not_eligible"),
    (30, 6, "eligible"), (30, 7, "not_eligible"),  # 20％ inclusive for 30 staff or fewer
    (10, 2, "eligible"), (10, 3, "not_eligible"), (5, 1, "eligible"), (1, 1, "not_eligible"),
    (30, 2, "eligible"),  # 6.67％: 30 staff still under the 20％ rule
    (31, 2, "not_eligible"),  # 6.45％: 31 staff, the 6％ rule
    (31, 1, "eligible"), (31, 0, "eligible"), (0, 0, "eligible"),
])
def test_layoff_rate_thresholds(staff, layoffs, status):
    assert c01(insured_staff_last_year=staff, layoffs_last_year=layoffs)["status"] == status


def test_the_condition_says_which_rule_applied():
    small = c01(insured_staff_last_year=30, layoffs_last_year=6)["conditions"][1]
    assert small == {"text": "上年度未裁员或裁员率不高于规定比例：上年度参保职工30人，不超过30人；上年度裁员6人，"
                             "裁员率20.00％，不高于参保职工总数20％（30人（含）以下参保单位的标准）。",
                     "outcome": "met", "cite": "c01-1"}
    large = c01(insured_staff_last_year=31, layoffs_last_year=2)["conditions"][1]
    assert large["text"] == ("上年度未裁员或裁员率不高于规定比例：上年度参保职工31人，超过30人；上年度裁员2人，"
                             "裁员率6.45％，高于6％。")
    assert c01(insured_staff_last_year=31, layoffs_last_year=0)["conditions"][1]["text"] == (
        "上年度未裁员或裁员率不高于规定比例：上年度裁员0人，未裁员。")


def test_the_unit_type_condition_states_the_answer():
    assert c01(unit_type="law_firm")["conditions"][0] == {
        "text": "通知列出的参保单位类型：贵单位是律师事务所。", "outcome": "met", "cite": "c01-1"}
    other = c01(unit_type="other")["conditions"][0]
    assert other["outcome"] == "not_met" and other["text"] == (
        "通知列出的参保单位类型：贵单位不是企业、社会团体、基金会、社会服务机构、律师事务所、会计师事务所或以单位形式参保的"
        "个体经济组织。")


@pytest.mark.parametrize(("staff", "layoffs", "shown"), [
    (100_001, 6_001, "6.001％，高于6％"),  # 6.0009…％: two decimals would read 6.00％ beside 高于6％
    (100_001, 6_000, "5.9999％，不高于6％"),  # 5.99994…％: two or three decimals would read as 6％
    (1_000_000, 60_040, "6.004％，高于6％"),
    (1_000_000, 59_960, "5.996％，不高于6％"),
    (1_000_000, 60_100, "6.01％，高于6％"),  # two decimals already tell it from the limit
    (100, 6, "6.00％，不高于6％"),  # exactly the limit
    (30, 6, "20.00％，不高于参保职工总数20％（30人（含）以下参保单位的标准）"),
])
def test_a_rate_never_reads_as_the_limit_unless_it_is(staff, layoffs, shown):
    assert f"裁员率{shown}" in c01(insured_staff_last_year=staff, layoffs_last_year=layoffs)["conditions"][1]["text"]


def test_what_the_notice_leaves_open_is_said():
    notes = c01(insured_staff_last_year=100, layoffs_last_year=3)["notes"]
    assert any("分母" in note for note in notes)
    assert any("30人（含）以下" in note and "哪一时点" in note for note in notes)


@pytest.mark.parametrize(("unit_type", "size", "value"), [
    ("enterprise", "large", 3000), ("enterprise", "sme", 6000), ("social_group", None, 6000),
    ("foundation", None, 6000), ("social_service_org", None, 6000), ("law_firm", None, 6000),
    ("accounting_firm", None, 6000), ("individual_economic_org", None, 6000),
])
def test_refund_ceiling(unit_type, size, value):
    found = c01(unit_type=unit_type, enterprise_size=size, insured_staff_last_year=10, layoffs_last_year=0,
                uic_paid_last_year=10_000)
    assert found["amount"]["value"] == value
    assert found["amount"]["bound"] == "upper"
    assert found["amount"]["formula"].startswith("不超过")


def test_an_upper_bound_is_rounded_down_to_the_cent():
    found = c01(unit_type="enterprise", enterprise_size="large", insured_staff_last_year=10, layoffs_last_year=0,
                uic_paid_last_year=0.05)
    assert found["amount"]["value"] == 0.01


def test_no_refund_figure_for_a_unit_that_does_not_qualify():
    assert c01(unit_type="other", insured_staff_last_year=10, layoffs_last_year=0,
               uic_paid_last_year=10_000)["amount"] is None
    assert c01(insured_staff_last_year=10, layoffs_last_year=5, uic_paid_last_year=10_000)["amount"] is None


@pytest.mark.parametrize(("insured", "automatic"), [(1, True), (200, True), (201, False)])
def test_no_application_needed_up_to_200_insured(insured, automatic):
    found = c01(insured_staff_last_year=10, layoffs_last_year=0, insured_at_end_of_2020=insured)
    assert found["next_step"].startswith("贵单位属于“免申即享”覆盖范围") == automatic
    assert any("超过200人" in note for note in found["notes"]) == (not automatic)


@pytest.mark.parametrize(("as_of", "overdue"), [("2021-11-26", False), ("2021-11-27", True)])
def test_four_month_rollout_ends_2021_11_26(as_of, overdue):
    notes = c01(as_of, insured_staff_last_year=10, layoffs_last_year=0, insured_at_end_of_2020=10)["notes"]
    rollout = next(note for note in notes if "4个月" in note)
    assert "2021年11月26日" in rollout
    assert ("如到判断日期仍未收到" in rollout) == overdue


@pytest.mark.parametrize(("as_of", "status"), [
    ("2021-07-25", "not_yet_open"), ("2021-07-26", "eligible"), ("2021-12-31", "eligible"), ("2022-01-01", "closed"),
])
def test_application_window(as_of, status):
    assert c01(as_of, insured_staff_last_year=10, layoffs_last_year=0)["status"] == status


# ---- figures: what the caseworkers' batch reads instead of the wording ----

@pytest.mark.parametrize(("staff", "layoffs", "rate", "wording"), [
    (100, 6, 0.06, "6.00％"), (30, 7, 0.2333, "23.33％"), (31, 2, 0.0645, "6.45％"), (12, 2, 0.1667, "16.67％"),
    (8, 1, 0.125, "12.50％"), (200, 1, 0.005, "0.50％"), (3, 2, 0.6667, "66.67％"),  # half-up, as people round
    (100_001, 6_001, 0.06001, "6.001％"), (100_001, 6_000, 0.059999, "5.9999％"), (31, 0, 0, None),
])
def test_the_layoff_rate_figure_is_the_rate_the_condition_states(staff, layoffs, rate, wording):
    found = c01(insured_staff_last_year=staff, layoffs_last_year=layoffs)
    assert found["figures"]["layoff_rate"] == rate
    text = found["conditions"][1]["text"]
    assert f"裁员率{wording}，" in text if wording else text.endswith("上年度裁员0人，未裁员。")


def test_no_layoff_rate_figure_while_a_count_is_unknown():
    assert c01(insured_staff_last_year=100)["figures"]["layoff_rate"] is None
    assert c01(layoffs_last_year=3)["figures"]["layoff_rate"] is None


@pytest.mark.parametrize(("answers", "rate"), [
    ({"enterprise_size": "large"}, 0.3), ({"enterprise_size": "sme"}, 0.6), ({"unit_type": "law_firm"}, 0.6),
    ({"enterprise_size": None}, None), ({"unit_type": "other"}, None), ({"unit_type": None}, None),
    ({"layoffs_last_year": 50}, None),  # 50％: the unit does not qualify, so no refund and no rate
])
def test_the_refund_rate_figure_needs_no_contributions(answers, rate):
    found = c01(**{"insured_staff_last_year": 100, "layoffs_last_year": 0, **answers})
    assert found["figures"]["refund_rate"] == rate
    assert found["amount"] is None  # no contributions answered


def test_the_refund_rate_figure_is_the_formulas_rate():
    found = c01(enterprise_size="large", insured_staff_last_year=10, layoffs_last_year=0, uic_paid_last_year=10_000)
    assert found["figures"]["refund_rate"] == 0.3
    assert "× 30％ =" in found["amount"]["formula"]


@pytest.mark.parametrize(("answers", "no_application"), [
    ({"insured_staff_last_year": 10, "layoffs_last_year": 0, "insured_at_end_of_2020": 200}, True),
    ({"insured_staff_last_year": 10, "layoffs_last_year": 0, "insured_at_end_of_2020": 201}, False),
    ({"insured_staff_last_year": 10, "layoffs_last_year": 5, "insured_at_end_of_2020": 10}, False),  # not met
    ({"unit_type": "other", "insured_at_end_of_2020": 10}, False),
    ({"insured_staff_last_year": 10, "layoffs_last_year": 0}, None),  # headcount unknown
    ({"insured_at_end_of_2020": 10}, None),  # layoffs unknown
    ({"insured_at_end_of_2020": 500}, False),  # over 200 whatever the layoffs
])
def test_the_no_application_figure(answers, no_application):
    assert c01(**answers)["figures"]["no_application"] is no_application


def test_figures_stay_after_the_deadline():
    answers = {"insured_staff_last_year": 10, "layoffs_last_year": 0, "insured_at_end_of_2020": 10}
    assert c01("2026-11-27", **answers)["figures"] == c01("2021-09-01", **answers)["figures"] == {
        "layoff_rate": 0, "refund_rate": 0.6, "no_application": True}


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 10_000_000).flatmap(lambda whole: st.tuples(st.integers(0, whole), st.just(whole))),
       st.sampled_from([Decimal("0.06"), Decimal("0.20")]))
def test_a_shown_rate_is_rounded_half_up_and_on_the_same_side_of_the_limit(rate, limit):
    part, whole = rate
    shown = shown_percent(part, whole, limit)
    exact, bound = Fraction(part * 100, whole), Fraction(limit * 100)
    decimals = -shown.as_tuple().exponent
    assert decimals >= 2
    assert abs(Fraction(shown) - exact) <= Fraction(1, 2 * 10 ** decimals)  # rounded, not truncated
    two_decimals = Fraction(int(exact * 100 + Fraction(1, 2)), 100)  # half-up, as people round
    if decimals == 2:
        assert Fraction(shown) == two_decimals
    else:
        assert two_decimals == bound != exact  # more decimals only where two would read as the limit
    assert (Fraction(shown) > bound, Fraction(shown) == bound) == (exact > bound, exact == bound)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10_000_000).flatmap(lambda staff: st.tuples(st.just(staff), st.integers(1, staff))))
def test_the_batch_shows_the_rate_the_condition_shows(counts):
    """The caseworkers' CSV (calculator/batch.py) writes the figure as the condition words it."""
    staff, layoffs = counts
    found = c01(insured_staff_last_year=staff, layoffs_last_year=layoffs)
    cell = _percent(found["figures"]["layoff_rate"], 2)
    assert f"裁员率{cell.removesuffix('%')}％，" in found["conditions"][1]["text"]

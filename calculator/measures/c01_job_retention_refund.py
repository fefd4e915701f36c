"""（一）失业保险稳岗返还: layoff-rate test, refund ceiling by size, 免申即享, deadlines.

Figures (see calculator/result.py), read by the caseworkers' batch:

- `layoff_rate`: last year's layoffs / insured staff as the layoff condition shows it (rounded half-up to two
  decimals of a percentage, more where that would read as the limit; 0 without layoffs); null while either
  count is unknown.
- `refund_rate`: the share of last year's contributions the refund may not exceed (0.3 or 0.6), set by the
  unit's type and an enterprise's size; null while those are unknown, or when the unit does not qualify.
- `no_application`: 免申即享 — true for a unit that meets the conditions and had 200 insured or fewer at the
  end of 2020; false when it does not meet the conditions or had more; null while that is open.
"""

from __future__ import annotations

from decimal import Decimal

from ..checks import AT_MOST, RATE_AT_MOST, answer, condition, stated, unknown
from ..contacts import enquiry
from ..dates import add_months, zh_date
from ..facts import Facts
from ..inputs import LISTED_UNIT_TYPES
from ..measure import Deadline, Measure
from ..parameter import ISSUE_DATE, Parameter, figure
from ..result import (
    FIGURE_OF_OUTCOME, MET, NOT_MET, UNKNOWN, UPPER, VERDICT_MET, VERDICT_NOT_MET, Amount, Assessment, Check, Said, Verdict,
    all_of,
)
from ..wording import shown_percent, through, zh_money, zh_percent

LAYOFF_RATE_LIMIT = figure("layoff-rate-limit")
SMALL_UNIT_MAX_STAFF = figure("small-unit-max-staff")
SMALL_UNIT_LAYOFF_RATE_LIMIT = figure("small-unit-layoff-rate-limit")
APPLICATION_DEADLINE = figure("refund-application-deadline")
LARGE_ENTERPRISE_REFUND_RATE = figure("large-enterprise-refund-rate")
OTHER_UNIT_REFUND_RATE = figure("other-unit-refund-rate")
NO_APPLICATION_MAX_INSURED = figure("no-application-max-insured")
ROLLOUT_MONTHS = figure("no-application-rollout")

ROLLOUT_DEADLINE = add_months(ISSUE_DATE.value, ROLLOUT_MONTHS.value)
"""2021-11-26: 民法典第二百零一条、第二百零二条 — the day of issue is not counted; the period ends on the
corresponding day of the fourth month."""

UNIT_TYPE = "通知列出的参保单位类型"
LAYOFFS = "上年度未裁员或裁员率不高于规定比例"

# The wording that depends on no answer, built once.
APPLY = f"可在{zh_date(APPLICATION_DEADLINE.value)}前申请失业保险稳岗返还。"
APPLY_UNLESS_PAID = ("贵单位属于“免申即享”覆盖范围，各统筹地区可通过内部信息比对，免申领直接拨付返还资金；"
                     f"如没有收到，{APPLY}")
WHEN_STAFF_COUNTED = (f"通知没有写明“{SMALL_UNIT_MAX_STAFF.text}”按哪一时点的参保人数判断，"
                      "本自测按上年度参保职工人数判断。")
LAYOFF_RATE_DENOMINATOR = (f"通知没有写明{LAYOFF_RATE_LIMIT.text}标准下裁员率的分母（{SMALL_UNIT_LAYOFF_RATE_LIMIT.text}"
                           "标准写明为参保职工总数），本自测按上年度参保职工人数计算。")
ROLLOUT = (f"通知要求各县（市）区在通知下发之日起{ROLLOUT_MONTHS.text}内（推算为{zh_date(ROLLOUT_DEADLINE)}前）"
           "实现“免申即享”应享尽享、返还资金足额拨付到位；该日期按民法典第二百零一条、第二百零二条推算"
           "（下发当日不计入），通知没有写明具体日期。")
ROLLOUT_OVERDUE = f"{ROLLOUT}如到判断日期仍未收到返还资金，{enquiry(None)}。"
THROUGH_DEADLINE = through(APPLICATION_DEADLINE.value)


def assess(facts: Facts) -> Assessment:
    unit_check = _unit_type(facts)
    layoff_check, layoff_rate, layoff_notes = _layoffs(facts)
    verdict = all_of(unit_check, layoff_check)
    refund_rate, amount, refine = _refund(facts)
    within_headcount, rollout_notes = _no_application(facts)
    ruled_out = verdict.outcome == NOT_MET
    return Assessment(
        verdict=verdict,
        conditions=[unit_check, layoff_check],
        apply=APPLY_UNLESS_PAID if within_headcount.outcome == MET else APPLY,
        amount=amount,
        notes=[*layoff_notes, *rollout_notes, THROUGH_DEADLINE],
        refine=refine + (facts.ask("insured_at_end_of_2020") if verdict.outcome == MET else ()),
        figures={
            "layoff_rate": None if layoff_rate is None else float(layoff_rate),
            "refund_rate": None if refund_rate is None or ruled_out else float(refund_rate.value),
            "no_application": FIGURE_OF_OUTCOME[all_of(verdict, within_headcount).outcome],
        },
    )


def _unit_type(facts: Facts) -> Check:
    return answer(facts, "unit_type", LISTED_UNIT_TYPES, "c01-1", UNIT_TYPE)


def _layoffs(facts: Facts) -> tuple[Check, Decimal | None, list[str]]:
    """未裁员, or layoff rate ≤ 6％; ≤ 20％ of insured staff for units of 30 insured staff or fewer. Also the
    layoff rate as shown (None when unknown) and the notes on what the notice leaves open."""
    staff, layoffs = facts.get("insured_staff_last_year"), facts.get("layoffs_last_year")
    if layoffs == 0:
        return condition(LAYOFFS, "c01-1", stated(facts, "layoffs_last_year", {0}) + "，未裁员"), Decimal(0), []
    if layoffs is None or staff is None:
        return unknown(facts, LAYOFFS, "c01-1", "insured_staff_last_year", "layoffs_last_year"), None, []
    size = AT_MOST.said(staff, SMALL_UNIT_MAX_STAFF.value, "，", f"{SMALL_UNIT_MAX_STAFF.value}人")
    small = size.holds
    limit = SMALL_UNIT_LAYOFF_RATE_LIMIT if small else LAYOFF_RATE_LIMIT
    rule = (f"参保职工总数{limit.text}（{SMALL_UNIT_MAX_STAFF.text}参保单位的标准）" if small else limit.text)
    shown = shown_percent(layoffs, staff, limit.value)
    said = Said.join(stated(facts, "insured_staff_last_year"), size.aside(), "；", stated(facts, "layoffs_last_year"),
                     RATE_AT_MOST.said(layoffs, limit.value * staff, f"，裁员率{zh_percent(shown)}，", rule))
    notes = [WHEN_STAFF_COUNTED] if small else [WHEN_STAFF_COUNTED, LAYOFF_RATE_DENOMINATOR]
    return condition(LAYOFFS, "c01-1", said), shown / 100, notes


def _refund(facts: Facts) -> tuple[Parameter | None, Amount | None, tuple[str, ...]]:
    """不超过 30％ (large enterprises) or 60％ (SMEs and the other units) of last year's contributions: the rate
    (None while the unit's type or size is unknown, or for a unit not listed) and the amount."""
    unit_type = facts.get("unit_type")
    if unit_type not in LISTED_UNIT_TYPES:
        return None, None, ()
    if unit_type == "enterprise":
        size = facts.get("enterprise_size")
        if size is None:
            return None, None, facts.ask("enterprise_size", "uic_paid_last_year")
        rate = LARGE_ENTERPRISE_REFUND_RATE if size == "large" else OTHER_UNIT_REFUND_RATE
        payer = "企业"
    else:
        rate, payer = OTHER_UNIT_REFUND_RATE, "单位"
    paid = facts.get("uic_paid_last_year")
    if paid is None:
        return rate, None, facts.ask("uic_paid_last_year")
    value = paid * rate.value
    formula = (f"不超过{payer}及其职工上年度实际缴纳失业保险费{zh_money(paid)} × {rate.text} = {zh_money(value)}；"
               "具体缴费金额可依据征缴机构提供的上年度缴费记录确定，实际返还金额由经办机构核定。")
    return rate, Amount(value, "元", UPPER, formula), ()


def _no_application(facts: Facts) -> tuple[Verdict, list[str]]:
    """Whether the unit is within 免申即享's headcount (200 insured or fewer at the end of 2020), and the notes
    on it and on the 4-month rollout."""
    insured = facts.get("insured_at_end_of_2020")
    if insured is None:
        return Verdict(UNKNOWN), []
    if insured > NO_APPLICATION_MAX_INSURED.value:
        return VERDICT_NOT_MET, [f"2020年末参保人数{insured}人，超过{NO_APPLICATION_MAX_INSURED.value}人，"
                                "不在“免申即享”覆盖范围内，需要主动申请。"]
    return VERDICT_MET, [f"2020年末参保人数{insured}人，在{NO_APPLICATION_MAX_INSURED.text}，符合条件的可“免申即享”。",
                         ROLLOUT_OVERDUE if facts.as_of > ROLLOUT_DEADLINE else ROLLOUT]


MEASURE = Measure(
    id="c01",
    clause="c01",
    title="失业保险稳岗返还",
    audiences=frozenset({"unit"}),
    assess=assess,
    figures=(LAYOFF_RATE_LIMIT, SMALL_UNIT_MAX_STAFF, SMALL_UNIT_LAYOFF_RATE_LIMIT, APPLICATION_DEADLINE,
             LARGE_ENTERPRISE_REFUND_RATE, OTHER_UNIT_REFUND_RATE, NO_APPLICATION_MAX_INSURED, ROLLOUT_MONTHS),
    inputs=("unit_type", "enterprise_size", "insured_staff_last_year", "layoffs_last_year", "uic_paid_last_year",
            "insured_at_end_of_2020"),
    closes=Deadline(APPLICATION_DEADLINE, "申请"),
)

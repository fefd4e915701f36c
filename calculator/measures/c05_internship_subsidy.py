"""（五）就业见习补贴: an intern employed with less than 1/3 of the term left is paid for the full term."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from ..checks import NOT_AFTER, UNDER, answer, condition, in_turn, stated, unknown
from ..dates import months_left, term_in_months, zh_date
from ..facts import Facts
from ..inputs import INPUTS
from ..measure import Deadline, Measure
from ..parameter import figure
from ..result import Assessment, Check, Said, all_of

DEADLINE = figure("internship-deadline")
REMAINING_SHARE = figure("internship-remaining-share")
PREPAY_INTERNSHIP_SHARE = figure("prepay-internship-share")
PREPAY_SOCIAL_INSURANCE_SHARE = figure("prepay-social-insurance-share")

TERM = ("internship_start", "internship_end", "internship_term_unit", "intern_hired_on")
SHARE = f"{REMAINING_SHARE.value.numerator}/{REMAINING_SHARE.value.denominator}"
HOW_COUNTED = (f"通知没有写明“{REMAINING_SHARE.text}”按月还是按天计算；本自测按见习协议约定期限的方式计算："
               "按月约定的按日历月计算，按天约定的按天计算。没有回答约定方式的，开始日期到期满日期是整月的按日历月计算"
               "（两种算法结论不同时，请回答约定方式），不是整月的按天计算。")
UNIT = "internship_term_unit"
PART_MONTH = "通知没有写明不足一个月的零头天数如何折算；本自测按这些天所在的那一个月的实际天数折算。"


def _in_months(start: date, end: date, hired: date) -> tuple[Said, bool]:
    """The words on the term in calendar months, and whether a part month had to be counted in days."""
    term = term_in_months(start, end)
    assert term is not None  # validation refuses a term in months whose dates are not whole months
    months, days, (month_from, month_until) = months_left(hired, end)
    month_days = (month_until - month_from).days + 1
    third = REMAINING_SHARE.value * term
    left = f"{months}个月" if months else ""
    part_month = bool(days) and third.denominator != 1 and months == int(third)
    if days:
        left += f"{days}天" + (f"（这{days}天按{zh_date(month_from)}至{zh_date(month_until)}这一个月的{month_days}天"
                              "折算）" if part_month else "")
    share = f"{int(third)}个月" if third.denominator == 1 else f"{term}个月的{SHARE}"
    said = UNDER.said(months + Fraction(days, month_days), third,
                      f"，见习期{term}个月（{zh_date(start)}至{zh_date(end)}）；见习人员于{zh_date(hired)}实现稳定就业，"
                      f"距见习期满还有{left}，", f"见习期的{SHARE}（{share}）")
    return said, part_month


def _in_days(start: date, end: date, hired: date) -> Said:
    term, left = (end - start).days + 1, (end - hired).days + 1
    return UNDER.said(Fraction(left), REMAINING_SHARE.value * term,
                      f"，见习期{term}天（{zh_date(start)}至{zh_date(end)}，首尾两天都计入）；见习人员于{zh_date(hired)}"
                      f"实现稳定就业，距见习期满还有{left}天（含就业当天），", f"见习期{term}天的{SHARE}")


def _hired_early(facts: Facts) -> tuple[Check, bool]:
    """Less than 1/3 of the agreed term left when the intern found stable work (exactly 1/3 is not less), the
    term counted as the agreement states it; also whether a part month was counted in days."""
    title = f"距见习协议确定的见习期满{REMAINING_SHARE.text}时见习人员实现稳定就业"
    start, end, unit, hired = (facts.get(input_id) for input_id in TERM)
    if end is not None and hired is not None and hired > end:
        return condition(title, "c05-1", NOT_AFTER.said(hired, end, f"见习人员于{zh_date(hired)}实现稳定就业，",
                                                        f"见习期满日（{zh_date(end)}）")), False
    if start is None or end is None or hired is None:
        return unknown(facts, title, "c05-1", "internship_start", "internship_end", "intern_hired_on",
                       need="还需要见习开始日期、见习期满日期和见习人员实现稳定就业的日期"), False
    if unit is not None:
        if unit == "days":
            return condition(title, "c05-1", stated(facts, UNIT).aside() + _in_days(start, end, hired)), False
        said, part_month = _in_months(start, end, hired)
        return condition(title, "c05-1", stated(facts, UNIT).aside() + said), part_month
    if term_in_months(start, end) is None:
        return condition(title, "c05-1", "开始日期到期满日期不是整月，按天计算" + _in_days(start, end, hired)), False
    said, part_month = _in_months(start, end, hired)
    if said.holds != _in_days(start, end, hired).holds:
        return unknown(facts, title, "c05-1", UNIT, need=f"还需要回答“{INPUTS[UNIT].label}”：开始日期到期满日期是整月，"
                                                          "按日历月计算和按天计算，结论不同"), False
    return condition(title, "c05-1", "开始日期到期满日期是整月，按日历月计算（按天计算，结论相同）" + said), part_month


def assess(facts: Facts) -> Assessment:
    hired_early, part_month = _hired_early(facts)
    checks = in_turn(
        lambda: answer(facts, "runs_internship", {True}, "c05-1", "组织就业见习"),
        lambda: hired_early,
    )
    notes = []
    if facts.get("runs_internship"):
        notes += [HOW_COUNTED, *([PART_MONTH] if part_month else []),
                  "见习补贴的标准按现行有关规定执行，通知没有写明金额。",
                  f"对组织符合条件人员参加就业见习的单位，可预拨{PREPAY_INTERNSHIP_SHARE.text}的见习补贴。"]
    if facts.get("intern_retained"):
        notes.append(f"符合条件人员见习期满被留用的，可预拨用人单位{PREPAY_SOCIAL_INSURANCE_SHARE.text}的社会保险补贴。")
    if facts.get("internship_interrupted_by_epidemic"):
        notes.append("因疫情影响见习暂时中断的，相应延长见习期限并按规定给予见习补贴。")
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=(f"计算该人员见习期补贴时，按协议确定的最长期限计算；政策受理期限截至{zh_date(DEADLINE.value)}。"),
        notes=notes,
    )


MEASURE = Measure(
    id="c05",
    clause="c05",
    title="就业见习补贴：见习期满前稳定就业按最长期限计算",
    audiences=frozenset({"unit"}),
    assess=assess,
    figures=(DEADLINE, REMAINING_SHARE, PREPAY_INTERNSHIP_SHARE, PREPAY_SOCIAL_INSURANCE_SHARE),
    inputs=("runs_internship", *TERM, "intern_retained", "internship_interrupted_by_epidemic"),
    closes=Deadline(DEADLINE, "政策受理"),
)

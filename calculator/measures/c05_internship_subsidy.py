"""（五）就业见习补贴: an intern employed with less than 1/3 of the term left is paid for the full term."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..checks import flag, in_turn
from ..dates import zh_date
from ..facts import Facts
from ..measure import Deadline, Measure
from ..parameter import Parameter
from ..result import MET, NOT_MET, UNKNOWN, Assessment, Check, all_of

DEADLINE = Parameter(date(2021, 12, 31), cite="c05-1", text="2021年12月31日")
REMAINING_SHARE = Parameter(Fraction(1, 3), cite="c05-1", text="不足1/3")
PREPAY_INTERNSHIP_SHARE = Parameter(Decimal("0.5"), cite="c05-3", text="最多50％")
PREPAY_SOCIAL_INSURANCE_SHARE = Parameter(Decimal("0.5"), cite="c05-4", text="最多50％")

OFFICE = "当地公共就业服务机构"
TERM = ("internship_start", "internship_end", "intern_hired_on")


def _hired_early(facts: Facts) -> Check:
    """Less than 1/3 of the agreed term left when the intern found stable work (exactly 1/3 is not less)."""
    title = f"距见习协议确定的见习期满{REMAINING_SHARE.text}时见习人员实现稳定就业"
    start, end, hired = (facts.get(input_id) for input_id in TERM)
    if start is None or end is None or hired is None:
        return Check(f"{title}：还需要见习开始日期、见习期满日期和见习人员实现稳定就业的日期。", UNKNOWN, "c05-1",
                     facts.ask(*TERM))
    if hired > end:
        return Check(f"{title}：见习人员在见习期满（{zh_date(end)}）之后才实现稳定就业，不属于这一情形。", NOT_MET,
                     "c05-1")
    term, left = (end - start).days, (end - hired).days
    share = f"见习期{term}天，见习人员{zh_date(hired)}实现稳定就业时距见习期满还有{left}天"
    if left < REMAINING_SHARE.value * term:
        return Check(f"{title}：{share}，不足见习期的{REMAINING_SHARE.value}。", MET, "c05-1")
    return Check(f"{title}：{share}，不少于见习期的{REMAINING_SHARE.value}。", NOT_MET, "c05-1")


def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: flag(facts, "runs_internship", "c05-1", "贵单位组织了就业见习。", "贵单位没有组织就业见习。",
                     "组织就业见习"),
        lambda: _hired_early(facts),
    )
    notes = []
    if facts.get("runs_internship"):
        notes += [f"通知没有写明“{REMAINING_SHARE.text}”按天还是按月计算，本自测按日历天数计算。",
                  "见习补贴的标准按现行有关规定执行，通知没有写明金额。",
                  f"对组织符合条件人员参加就业见习的单位，可预拨{PREPAY_INTERNSHIP_SHARE.text}的见习补贴。"]
    if facts.get("intern_retained"):
        notes.append(f"符合条件人员见习期满被留用的，可预拨用人单位{PREPAY_SOCIAL_INSURANCE_SHARE.text}的社会保险补贴。")
    if facts.get("internship_interrupted_by_epidemic"):
        notes.append("因疫情影响见习暂时中断的，相应延长见习期限并按规定给予见习补贴。")
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=(f"计算该人员见习期补贴时，按协议确定的最长期限计算；政策受理期限截至{zh_date(DEADLINE.value)}，"
               f"可向{OFFICE}申请。"),
        notes=notes,
    )


MEASURE = Measure(
    id="c05",
    clause="c05",
    title="就业见习补贴：见习期满前稳定就业按最长期限计算",
    audiences=frozenset({"unit"}),
    office=OFFICE,
    assess=assess,
    closes=Deadline(DEADLINE, "政策受理"),
)

"""（四）失业保险支持技能提升“展翅行动”: contribution condition relaxed to 1 year, until 2021-12-31."""

from __future__ import annotations

from datetime import date

from ..checks import in_turn, one_of
from ..dates import zh_date
from ..facts import Facts
from ..measure import Deadline, Measure
from ..parameter import Parameter
from ..result import MET, NOT_MET, UNKNOWN, Assessment, Check, all_of

DEADLINE = Parameter(date(2021, 12, 31), cite="c04-2", text="2021年12月31日")
MIN_CONTRIBUTION_MONTHS = Parameter(12, cite="c04-2", text="累计缴费满1年")  # months

OFFICE = "当地失业保险经办机构"


def _contributions(facts: Facts) -> Check:
    months = facts.get("uib_contribution_months")
    title = f"参加失业保险{MIN_CONTRIBUTION_MONTHS.text}及以上"
    if months is None:
        return Check(f"{title}：还需要累计缴纳失业保险费的月数。", UNKNOWN, "c04-2",
                     facts.ask("uib_contribution_months"))
    if months >= MIN_CONTRIBUTION_MONTHS.value:
        return Check(f"{title}：您已累计缴费{months}个月。", MET, "c04-2")
    return Check(f"{title}：您累计缴费{months}个月，不满{MIN_CONTRIBUTION_MONTHS.value}个月。", NOT_MET, "c04-2")


def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: one_of(facts, "employment_status", {"employed_enterprise"}, "c04-2", "您是企业在职职工。",
                       "您目前的工作状况是“{label}”，不是企业在职职工。", "企业在职职工"),
        lambda: _contributions(facts),
    )
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=(f"符合放宽后的缴费条件，可在{zh_date(DEADLINE.value)}前按规定申领失业保险支持技能提升“展翅行动”补贴，"
               f"具体向{OFFICE}咨询。"),
        notes=["本条放宽的是缴费年限条件；“展翅行动”补贴的其他申领条件和补贴标准按现行规定执行，通知没有列出。"],
    )


MEASURE = Measure(
    id="c04",
    clause="c04",
    title="技能提升补贴（“展翅行动”）放宽申领条件",
    audiences=frozenset({"individual"}),
    office=OFFICE,
    assess=assess,
    closes=Deadline(DEADLINE, "放宽条件执行"),
)

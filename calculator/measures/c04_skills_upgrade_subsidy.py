"""（四）失业保险支持技能提升“展翅行动”: contribution condition relaxed to 1 year, until 2021-12-31."""

from __future__ import annotations

from ..checks import FULL, answer, counted, in_turn
from ..dates import zh_date
from ..facts import Facts
from ..measure import Deadline, Measure
from ..parameter import figure
from ..result import Assessment, Check, all_of
from ..wording import through

DEADLINE = figure("relaxed-contribution-deadline")
MIN_CONTRIBUTION_MONTHS = figure("min-contribution-months")  # months



def _contributions(facts: Facts) -> Check:
    return counted(facts, "uib_contribution_months", FULL, MIN_CONTRIBUTION_MONTHS, "个月", "c04-2",
                   f"参加失业保险{MIN_CONTRIBUTION_MONTHS.text}及以上")


def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: answer(facts, "employment_status", {"employed_enterprise"}, "c04-2", "企业在职职工"),
        lambda: _contributions(facts),
    )
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=(f"符合放宽后的缴费条件，可在{zh_date(DEADLINE.value)}前按规定申领失业保险支持技能提升“展翅行动”补贴。"),
        notes=["本条放宽的是缴费年限条件；“展翅行动”补贴的其他申领条件和补贴标准按现行规定执行，通知没有列出。",
               through(DEADLINE.value)],
    )


MEASURE = Measure(
    id="c04",
    clause="c04",
    title="技能提升补贴（“展翅行动”）放宽申领条件",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(DEADLINE, MIN_CONTRIBUTION_MONTHS),
    inputs=("employment_status", "uib_contribution_months"),
    closes=Deadline(DEADLINE, "放宽条件执行"),
    met_label="符合放宽后的缴费条件（其他申领条件按现行规定）",
)

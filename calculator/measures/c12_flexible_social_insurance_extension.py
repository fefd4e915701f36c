"""（十二）高校毕业生灵活就业社会保险补贴: extended by up to 6 months for those still without stable work."""

from __future__ import annotations

from ..checks import answer, in_turn
from ..facts import Facts
from ..inputs import HIGHER_EDUCATION
from ..measure import Measure
from ..parameter import figure
from ..result import UPPER, Amount, Assessment, all_of

EXTENSION_MONTHS = figure("flexible-si-extension-months")



def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: answer(facts, "school_kind", HIGHER_EDUCATION, "c12-5", "高校毕业生"),
        lambda: answer(facts, "flexible_si_subsidy_ended", {True}, "c12-5", "享受灵活就业社会保险补贴期满"),
        lambda: answer(facts, "stable_employment", {False}, "c12-5", "仍未实现稳定就业"),
    )
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=f"可申请继续延长享受灵活就业社会保险补贴，{EXTENSION_MONTHS.text}。",
        amount=Amount(EXTENSION_MONTHS.value, "个月", UPPER, f"可继续延长享受期限，{EXTENSION_MONTHS.text}"),
        notes=["“稳定就业”的认定口径通知没有写明，以经办机构为准。"],
    )


MEASURE = Measure(
    id="c12",
    clause="c12",
    title="高校毕业生灵活就业社会保险补贴延长享受期限",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(EXTENSION_MONTHS,),
    inputs=("school_kind", "flexible_si_subsidy_ended", "stable_employment"),
)

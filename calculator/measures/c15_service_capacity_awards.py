"""（十五）一次性奖补 for units titled in the new round of 充分就业社区 and 青年就业见习基地: 10万元 / 5万元."""

from __future__ import annotations

from ..checks import answer
from ..facts import Facts
from ..measure import Measure
from ..parameter import figure
from ..result import EXACT, MET, Amount, Assessment, all_of
from ..wording import zh_money

NATIONAL_AWARD = figure("national-award")
PROVINCIAL_AWARD = figure("provincial-award")

AWARDS = {"national": NATIONAL_AWARD, "provincial": PROVINCIAL_AWARD}


def assess(facts: Facts) -> Assessment:
    check = answer(facts, "honour_title", set(AWARDS), "c15-1",
                   "在新一轮充分就业社区、青年就业见习基地建设中获批国家级、省级称号")
    amount = None
    if check.outcome == MET:
        award = AWARDS[facts.get("honour_title")]
        amount = Amount(award.value, "元", EXACT, f"按标准给予一次性奖补：{award.text}（{zh_money(award.value)}）")
    return Assessment(
        verdict=all_of(check),
        conditions=[check],
        apply="按标准给予一次性奖补，所需资金按规定从专账资金或就业补助资金列支。",
        amount=amount,
        notes=["对获批国家级、省级称号的优秀创业孵化基地（园区）、高技能人才培训基地（含职业技能培训示范基地），"
               "省、市按规定持续给予资金补助支持（第（十五）条）。"],
    )


MEASURE = Measure(
    id="c15",
    clause="c15",
    title="充分就业社区、青年就业见习基地一次性奖补",
    audiences=frozenset({"unit"}),
    assess=assess,
    figures=(NATIONAL_AWARD, PROVINCIAL_AWARD),
    inputs=("honour_title",),
)

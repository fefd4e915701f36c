"""（十二） and 附件1: the nine groups of graduates in the scope of the one-off job-seeking subsidy (orphans added).

附件1 says who is in the subsidy's 人员范围, not that the subsidy is due: a scope result (属于…范围), whose notes
name what the notice leaves to the subsidy's own rules.
"""

from __future__ import annotations

from ..checks import answer
from ..facts import Facts
from ..inputs import SCHOOL_KINDS
from ..measure import Measure
from ..result import MET, Assessment, Check, all_of, any_of, shown

LEFT_TO_OTHER_RULES = ("附件1只列出人员范围；一次性求职创业补贴的标准，以及附件1所说“符合条件的”毕业生还须符合哪些申领条件"
                       "（包括对毕业时间有无要求），本通知没有写明，按现行规定执行。")


def _groups(facts: Facts) -> list[Check]:
    """附件1 items 1–9, each an alternative."""
    return [
        answer(facts, "dibao_family", {"urban", "rural"}, "a1-1", "低保家庭毕业生"),
        answer(facts, "disabled_parent_poor_family", {True}, "a1-2", "家庭经济困难的残疾人子女毕业生"),
        answer(facts, "poverty_status", {"alleviated"}, "a1-3", "脱贫家庭毕业生"),
        answer(facts, "poverty_status", {"rural_low_income"}, "a1-4", "农村低收入家庭毕业生"),
        answer(facts, "extreme_poverty", {True}, "a1-5", "特困人员中的毕业生"),
        answer(facts, "disabled", {True}, "a1-6", "残疾毕业生"),
        answer(facts, "martyr_family", {"child"}, "a1-7", "烈士子女毕业生"),
        answer(facts, "orphan", {True}, "a1-8", "孤儿毕业生"),
        answer(facts, "state_student_loan", {True}, "a1-9", "获得国家助学贷款的毕业生"),
    ]


def assess(facts: Facts) -> Assessment:
    school = answer(facts, "school_kind", SCHOOL_KINDS, "a1-intro", "高校、中等职业学校（含技工院校）毕业生")
    groups = _groups(facts) if school.outcome == MET else []
    notes = [LEFT_TO_OTHER_RULES]
    if any(check.cite == "a1-8" and check.outcome == MET for check in groups):
        notes.append("孤儿毕业生是本通知新纳入一次性求职创业补贴范围的群体（第（十二）条）。")
    return Assessment(
        verdict=all_of(school, any_of(*groups)) if groups else all_of(school),
        conditions=[school, *shown(groups)],
        apply="属于一次性求职创业补贴的人员范围；能否领取、领取多少，按现行规定执行。",
        notes=notes,
    )


MEASURE = Measure(
    id="a1",
    clause="c12",
    title="一次性求职创业补贴人员范围（附件1）",
    audiences=frozenset({"individual"}),
    assess=assess,
    inputs=("school_kind", "dibao_family", "disabled_parent_poor_family", "poverty_status", "extreme_poverty", "disabled",
            "martyr_family", "orphan", "state_student_loan"),
    attachment="a1",
    scope="一次性求职创业补贴的人员范围",
)

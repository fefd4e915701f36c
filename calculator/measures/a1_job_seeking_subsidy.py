"""（十二） and 附件1: the nine groups of graduates in scope of the one-off job-seeking subsidy (orphans added)."""

from __future__ import annotations

from ..checks import flag, in_turn, one_of
from ..facts import Facts
from ..inputs import SCHOOL_KINDS
from ..measure import Measure
from ..result import MET, Assessment, Check, all_of, any_of, shown

OFFICE = "当地人力资源和社会保障部门"


def _groups(facts: Facts) -> list[Check]:
    """附件1 items 1–9, each an alternative."""
    return [
        one_of(facts, "dibao_family", {"urban", "rural"}, "a1-1", "您家是{label}。", "您家不是低保家庭。",
               "低保家庭毕业生"),
        flag(facts, "disabled_parent_poor_family", "a1-2", "是。", "不是。", "家庭经济困难的残疾人子女毕业生"),
        one_of(facts, "poverty_status", {"alleviated"}, "a1-3", "您家是脱贫家庭。", "您没有选择脱贫人口（脱贫家庭）。",
               "脱贫家庭毕业生"),
        one_of(facts, "poverty_status", {"rural_low_income"}, "a1-4", "您家是农村低收入家庭。",
               "您没有选择农村低收入人口。", "农村低收入家庭毕业生"),
        flag(facts, "extreme_poverty", "a1-5", "您是特困人员。", "您不是特困人员。", "特困人员中的毕业生"),
        flag(facts, "disabled", "a1-6", "您是残疾人。", "您不是残疾人。", "残疾毕业生"),
        one_of(facts, "martyr_family", {"child"}, "a1-7", "您是烈士子女。", "您不是烈士子女。", "烈士子女毕业生"),
        flag(facts, "orphan", "a1-8", "您是孤儿。", "您不是孤儿。", "孤儿毕业生"),
        flag(facts, "state_student_loan", "a1-9", "您获得了国家助学贷款。", "您没有获得国家助学贷款。",
             "获得国家助学贷款的毕业生"),
    ]


def assess(facts: Facts) -> Assessment:
    school = in_turn(lambda: one_of(
        facts, "school_kind", SCHOOL_KINDS, "a1-intro", "您是{label}毕业生。",
        "您不是高校、中等职业学校（含技工院校）的毕业生。", "高校、中等职业学校（含技工院校）毕业生"))
    groups = _groups(facts) if school[0].outcome == MET else []
    notes = ["一次性求职创业补贴的标准和申领的其他条件按现行规定执行，通知没有写明。"]
    if any(check.cite == "a1-8" and check.outcome == MET for check in groups):
        notes.append("孤儿毕业生是本通知新纳入一次性求职创业补贴范围的群体（第（十二）条）。")
    return Assessment(
        verdict=all_of(*school, any_of(*groups)) if groups else all_of(*school),
        conditions=school + shown(groups),
        apply=f"属于一次性求职创业补贴的人员范围，可向{OFFICE}咨询申请。",
        notes=notes,
    )


MEASURE = Measure(
    id="a1",
    clause="c12",
    title="一次性求职创业补贴人员范围（附件1）",
    audiences=frozenset({"individual"}),
    office=OFFICE,
    assess=assess,
    attachment="a1",
)

"""（十四）公益性岗位: urban posts first for those under 5 years from retirement and zero-employment families;
rural posts first for 脱贫人口 (those rural policies run to 2025-12-31).

公益性岗位 are posts to place people in (（十四）'s first sentence: 综合考虑就业困难人员需求……公益性岗位安置对象),
so every route asks that the person be without work; the posts' own conditions (符合岗位条件, 符合条件的) are
left open by the notice, and the result says so rather than “符合条件”.
"""

from __future__ import annotations

from ..age_checks import RETIREMENT_AGE, near_retirement, retirement_note
from ..checks import NOT_PASSED, answer, combined, condition, in_turn
from ..dates import zh_date
from ..employment_difficulty import ZERO_EMPLOYMENT_FAMILY, not_working, zero_employment_family
from ..facts import Facts
from ..measure import Measure
from ..parameter import figure
from ..result import MET, Assessment, Check, any_of, shown

NEAR_RETIREMENT = figure("public-welfare-near-retirement")  # months
RURAL_POLICIES_UNTIL = figure("rural-policies-until")

URBAN = "城镇公益性岗位优先安排"
PLACED = ("公益性岗位用于安置人员就业（第（十四）条第一句：综合考虑就业困难人员需求……实施公益性岗位安置对象排序机制），"
          "本自测只对判断日期没有工作的人判断优先安排。")
POST_CONDITIONS = ("能否上岗，还须符合岗位条件（城镇公益性岗位写明“符合岗位条件的”，乡村公益性岗位写明“符合条件的”）；"
                   "岗位条件和安置对象的排序按人社部发〔2019〕124号等有关规定执行，通知没有写明，以经办机构为准。")


def _until(facts: Facts) -> Check:
    said = NOT_PASSED.said(facts.as_of, RURAL_POLICIES_UNTIL.value,
                           f"相关政策执行至{zh_date(RURAL_POLICIES_UNTIL.value)}，判断日期", "该日")
    return condition("", RURAL_POLICIES_UNTIL.cite, said)


def _routes(facts: Facts) -> list[Check]:
    """The three groups placed first, each for a person without work."""
    return [
        combined(f"{URBAN}距法定退休年龄{NEAR_RETIREMENT.text}人员", NEAR_RETIREMENT.cite, in_turn(
            lambda: not_working(facts),
            lambda: near_retirement(facts, NEAR_RETIREMENT, inclusive=False))),
        combined(f"{URBAN}零就业家庭成员", NEAR_RETIREMENT.cite, in_turn(
            lambda: not_working(facts),
            lambda: zero_employment_family(facts, title=""))),
        combined("乡村公益性岗位优先安置脱贫人口", RURAL_POLICIES_UNTIL.cite, in_turn(
            lambda: answer(facts, "poverty_status", {"alleviated"}, ""),
            lambda: not_working(facts),
            lambda: _until(facts))),
    ]


def assess(facts: Facts) -> Assessment:
    routes = _routes(facts)
    notes = [PLACED, POST_CONDITIONS]
    if routes[2].outcome == MET:
        notes.append("乡村公益性岗位优先安置脱贫人口，特别是其中的弱劳力、半劳力。")
    return Assessment(
        verdict=any_of(*routes),
        conditions=shown(routes),
        apply="属于公益性岗位优先安排的对象；能否上岗还须符合岗位条件。",
        notes=notes + retirement_note(facts),
    )


MEASURE = Measure(
    id="c14",
    clause="c14",
    title="公益性岗位优先安排",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(NEAR_RETIREMENT, RURAL_POLICIES_UNTIL),
    inputs=("employment_status", "poverty_status"),
    concepts=(ZERO_EMPLOYMENT_FAMILY, RETIREMENT_AGE),
    open_ended=(f"城镇公益性岗位优先安排，通知没有写明截止日期，现行执行规定以经办机构为准；乡村公益性岗位的相关政策"
                f"执行至{zh_date(RURAL_POLICIES_UNTIL.value)}。"),
    met_label="属于优先安排的对象（还须符合岗位条件）",
)

"""（十四）公益性岗位: urban posts first for those under 5 years from retirement and zero-employment families;
rural posts first for 脱贫人口 (those rural policies run to 2025-12-31)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..age_checks import near_retirement, retirement_note
from ..checks import unknown
from ..dates import zh_date
from ..facts import Facts
from ..measure import Measure
from ..parameter import Parameter
from ..result import MET, NOT_MET, Assessment, Check, any_of, shown
from .a2_employment_difficulty import zero_employment_family

NEAR_RETIREMENT = Parameter(60, cite="c14-2", text="不足5年")  # months
RURAL_POLICIES_UNTIL = Parameter(date(2025, 12, 31), cite="c14-5", text="2025年12月31日")

OFFICE = "当地公共就业服务机构"
URBAN = "城镇公益性岗位优先安排"


def _urban(check: Check) -> Check:
    """A route to the urban priority, cited to （十四） whichever sentence defines the group."""
    return replace(check, cite=NEAR_RETIREMENT.cite)


def _rural(facts: Facts) -> Check:
    title = "乡村公益性岗位优先安置符合条件的脱贫人口"
    poverty = facts.get("poverty_status")
    if poverty is None:
        return unknown(facts, "poverty_status", RURAL_POLICIES_UNTIL.cite, title)
    if poverty != "alleviated":
        return Check(f"{title}：您不是脱贫人口。", NOT_MET, RURAL_POLICIES_UNTIL.cite)
    until = zh_date(RURAL_POLICIES_UNTIL.value)
    if facts.as_of > RURAL_POLICIES_UNTIL.value:
        return Check(f"{title}：您是脱贫人口，但相关政策执行至{until}，已经截止。", NOT_MET, RURAL_POLICIES_UNTIL.cite)
    return Check(f"{title}：您是脱贫人口（相关政策执行至{until}）。", MET, RURAL_POLICIES_UNTIL.cite)


def assess(facts: Facts) -> Assessment:
    routes = [
        _urban(near_retirement(facts, NEAR_RETIREMENT, inclusive=False,
                               title=f"{URBAN}距法定退休年龄{NEAR_RETIREMENT.text}人员")),
        _urban(zero_employment_family(facts, title=f"{URBAN}零就业家庭成员")),
        _rural(facts),
    ]
    notes = ["还须符合岗位条件；公益性岗位安置对象的排序按人社部发〔2019〕124号等有关规定实施，以经办机构为准。"]
    if routes[2].outcome == MET:
        notes.append("乡村公益性岗位优先安置脱贫人口，特别是其中的弱劳力、半劳力。")
    return Assessment(
        verdict=any_of(*routes),
        conditions=shown(routes),
        apply=f"属于公益性岗位优先安排的对象，可向{OFFICE}咨询公益性岗位。",
        notes=notes + retirement_note(facts),
    )


MEASURE = Measure(
    id="c14",
    clause="c14",
    title="公益性岗位优先安排",
    audiences=frozenset({"individual"}),
    office=OFFICE,
    assess=assess,
    open_ended=(f"城镇公益性岗位优先安排，通知没有写明截止日期，现行执行规定以经办机构为准；乡村公益性岗位的相关政策"
                f"执行至{zh_date(RURAL_POLICIES_UNTIL.value)}。"),
)

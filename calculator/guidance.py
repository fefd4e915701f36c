"""Clauses with no computable rule, shown as guidance to those they concern."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .facts import Facts
from .inputs import HIGHER_EDUCATION, SCHOOL_KINDS


@dataclass(frozen=True, slots=True)
class Guidance:
    clause: str
    cite: str  # a sentence anchor, or the clause's own anchor where the text sums up the whole clause
    text: str
    applies: Callable[[Facts], bool]

    def as_json(self) -> dict[str, str]:
        return {"clause": self.clause, "cite": self.cite, "text": self.text}


def _is(input_id: str, *values: Any) -> Callable[[Facts], bool]:
    return lambda facts: facts.get(input_id) in values


def _individual_and(input_id: str, *values: Any) -> Callable[[Facts], bool]:
    return lambda facts: facts.get("asker") == "individual" and facts.get(input_id) in values


GUIDANCE: tuple[Guidance, ...] = (
    Guidance("c02", "c02-1",
             "以工代训补贴按《葫芦岛市人力资源和社会保障局 葫芦岛市财政局关于充分发挥职业技能提升行动专账资金效能 "
             "扎实推进职业技能提升行动的通知》（葫人社函〔2021〕49号）明确的政策组织实施，补贴条件和标准见该文件。",
             _is("asker", "unit")),
    Guidance("c05", "c05-2",
             "继续面向2022届毕业学年高校毕业生开发院校类见习岗位，见习期限、补贴标准和资金列支渠道按现行有关规定执行。",
             _is("school_kind", *HIGHER_EDUCATION)),
    Guidance("c11", "c11",
             "毕业生可关注“三支一扶”等基层服务项目、职业院校专升本招生、大学生应征入伍和面向高校毕业生开发的各类"
             "政策性岗位；高校毕业生到县以下机关事业单位工作的，按规定落实工资待遇和公开招聘倾斜政策。",
             _is("school_kind", *SCHOOL_KINDS)),
    Guidance("c12", "c12-2",
             "自主创业的毕业生，可获得创业培训、创业服务，并按规定享受创业担保贷款及贴息、创业补贴、场地支持等扶持政策。",
             _is("school_kind", *SCHOOL_KINDS)),
    Guidance("c12", "c12-4",
             "灵活就业的高校毕业生参加职工基本养老保险，可在规定的个人缴费基数上下限范围内选择缴费基数，"
             "按月、按季、按半年或按年缴费。",
             lambda facts: facts.get("school_kind") in HIGHER_EDUCATION
             and facts.get("employment_status") == "self_employed"),
    Guidance("c13", "c13-4",
             "未在就业困难群体范围内、家庭或本人存在其他特殊困难的失业劳动者，各地也要通过综合施策，帮助解困脱困。",
             _individual_and("employment_status", "not_working")),
    Guidance("c16", "c16-2",
             "重点群体自主创业或被用人单位吸纳就业的，按规定给予税收减免、创业担保贷款及贴息、社会保险补贴、岗位补贴、"
             "职业培训补贴、创业补贴等。",
             lambda facts: facts.get("asker") == "individual" or facts.get("hires_veterans_or_key_groups") is True),
    Guidance("c18", "c18-5",
             "2020年度已受理、享受期未满的减负稳岗扩就业政策，可继续按原政策享受至期满为止。",
             lambda facts: facts.get("ongoing_2020_benefit") is not False),
)


def guidance_for(facts: Facts) -> list[dict[str, str]]:
    return [item.as_json() for item in GUIDANCE if item.applies(facts)]

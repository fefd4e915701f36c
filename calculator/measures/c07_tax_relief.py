"""（七）退役士兵和重点群体创业就业税收优惠, extended to 2025-12-31; the amounts are in the cited documents."""

from __future__ import annotations

from ..checks import answer, unknown
from ..facts import Facts
from ..measure import Deadline, Measure
from ..parameter import figure
from ..result import Assessment, Check, all_of

IN_FORCE_UNTIL = figure("tax-relief-until")

DOCUMENTS = "财税〔2019〕22号、辽财税〔2019〕145号和公告〔2021〕18号"


def _concerned(facts: Facts) -> Check:
    asker = facts.get("asker")
    if asker == "individual":
        return answer(facts, "veteran_or_key_group", {"veteran", "key_group"}, "c07-1", "退役士兵或重点群体")
    if asker == "unit":
        return answer(facts, "hires_veterans_or_key_groups", {True}, "c07-1", "招用退役士兵或重点群体人员")
    return unknown(facts, "退役士兵或重点群体创业就业", "c07-1", "asker")


def assess(facts: Facts) -> Assessment:
    check = _concerned(facts)
    return Assessment(
        verdict=all_of(check),
        conditions=[check],
        apply=f"具体适用条件、减免额度和办理方式见{DOCUMENTS}（“引用文件”页）。",
        notes=[f"税收优惠的适用对象、条件和减免额度由{DOCUMENTS}等文件规定，本通知没有写明，本自测不计算金额；"
               "“重点群体”的范围也以这些文件为准。"],
    )


MEASURE = Measure(
    id="c07",
    clause="c07",
    title="退役士兵和重点群体创业就业税收优惠",
    audiences=frozenset({"individual", "unit"}),
    assess=assess,
    inputs=("asker", "veteran_or_key_group", "hires_veterans_or_key_groups"),
    closes=Deadline(IN_FORCE_UNTIL, "执行期限"),
    met_label="属于政策对象（适用条件见所引文件）",
)

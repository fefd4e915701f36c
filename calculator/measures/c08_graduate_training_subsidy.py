"""（八）毕业年度毕业生 who obtain a certificate: training and appraisal subsidies, training at most 3 times a year."""

from __future__ import annotations

from ..checks import answer, in_turn
from ..contacts import Office
from ..facts import Facts
from ..inputs import SCHOOL_KINDS
from ..measure import Measure
from ..parameter import figure
from ..result import MET, UPPER, Amount, Assessment, all_of

MAX_TRAINING_SUBSIDIES_PER_YEAR = figure("max-training-subsidies-per-year")

LIST_REVIEWED_BY = Office("各级人力资源社会保障部门", cite="c08-2")
"""The notice names it as the office that reviews the list of graduates who obtained a certificate."""


def _remaining(facts: Facts) -> tuple[Amount | None, tuple[str, ...]]:
    used = facts.get("training_subsidies_used_this_year")
    if used is None:
        return None, facts.ask("training_subsidies_used_this_year")
    left = max(0, MAX_TRAINING_SUBSIDIES_PER_YEAR.value - used)
    formula = f"职业技能培训补贴每人每年可享受{MAX_TRAINING_SUBSIDIES_PER_YEAR.text}；判断日期当年已享受{used}次，还可享受{left}次"
    return Amount(left, "次", UPPER, formula), ()


def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: answer(facts, "school_kind", SCHOOL_KINDS, "c08-1", "普通本科高校、中高职院校（含技工院校）毕业生"),
        lambda: answer(facts, "graduating_year", {True}, "c08-1", "毕业年度"),
        lambda: answer(facts, "obtained_certificate_this_year", {True}, "c08-1", "当年参加职业技能培训并取得证书"),
    )
    verdict = all_of(*checks)
    amount, refine = _remaining(facts) if verdict.outcome == MET else (None, ())
    return Assessment(
        verdict=verdict,
        conditions=checks,
        apply=("可按规定享受职业技能培训补贴和职业技能鉴定补贴，所需资金从专账资金中列支；取得证书的毕业生名单由"
               f"{LIST_REVIEWED_BY.name}审定（取得X证书的，由各级教育行政部门审定）。"),
        amount=amount,
        notes=["培训补贴标准按现行规定执行，X证书补贴按教育部门核定并公布的考核费用标准执行，职业技能鉴定补贴按"
               "葫人社〔2020〕114号执行；通知没有写明金额。"],
        refine=refine,
    )


MEASURE = Measure(
    id="c08",
    clause="c08",
    title="毕业年度毕业生职业技能培训补贴和职业技能鉴定补贴",
    audiences=frozenset({"individual"}),
    office=LIST_REVIEWED_BY,
    assess=assess,
    figures=(MAX_TRAINING_SUBSIDIES_PER_YEAR,),
    inputs=("school_kind", "graduating_year", "obtained_certificate_this_year", "training_subsidies_used_this_year"),
)

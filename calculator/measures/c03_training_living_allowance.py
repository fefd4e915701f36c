"""（三）培训期间生活费补贴: 脱贫人口 and 就业困难人员 in free training; “两后生” in preparatory training."""

from __future__ import annotations

from ..checks import AT_MOST, answer, counted
from ..dates import zh_date
from ..employment_difficulty import (
    EMPLOYMENT_DIFFICULTY, TREATED_AS_EMPLOYMENT_DIFFICULTY, by_reference, employment_difficulty,
)
from ..facts import Facts
from ..inputs import PREPARATORY_TRAINEES
from ..measure import Deadline, Measure
from ..parameter import Sourced, figure
from ..result import ESTIMATE, EXACT, MET, Amount, Assessment, Check, all_of, any_of, shown
from ..wording import through, zh_money

DEADLINE = figure("living-allowance-deadline")
POVERTY_ALLEVIATED_FACTOR = figure("poverty-alleviated-factor")
MAX_FREE_TRAININGS_PER_YEAR = figure("max-free-trainings-per-year")
PREPARATORY_MONTHLY = figure("preparatory-monthly-allowance")

DAYS_PER_MONTH = Sourced(30, "本自测的估算假设：第（三）条规定按实际参加有效培训的天数折天计算（c03-3），"
                             "没有写明折天的除数；估算的金额说明这一点")

BY_REFERENCE = "可参照就业困难人员享受相关政策的人员（附件2第二部分）"


def _groups(facts: Facts) -> list[Check]:
    """The routes into 脱贫人口、就业困难人员: 脱贫人口, 附件2's 就业困难人员, and those 附件2 lets be treated as one."""
    return [
        answer(facts, "poverty_status", {"alleviated"}, "c03-1", "脱贫人口"),
        employment_difficulty(facts, "就业困难人员（附件2第一部分）", "c03-1"),
        by_reference(facts, BY_REFERENCE, "c03-1"),
    ]


def _trainings(facts: Facts) -> Check:
    return counted(facts, "free_trainings_this_year", AT_MOST, MAX_FREE_TRAININGS_PER_YEAR, "次", "c03-3",
                   f"每年累计参加{MAX_FREE_TRAININGS_PER_YEAR.text}的免费职业培训")


def _daily_estimate(facts: Facts, poor: bool) -> tuple[Amount | None, tuple[str, ...]]:
    """Standard ÷ 30 × days actually trained (an estimate: the notice gives no divisor)."""
    standard_id = "rural_dibao_standard" if poor else "urban_dibao_standard"
    standard, days = facts.get(standard_id), facts.get("training_days")
    if standard is None or days is None:
        return None, facts.ask(standard_id, "training_days")
    if poor:
        monthly = standard * POVERTY_ALLEVIATED_FACTOR.value
        basis = f"当地农村最低生活保障标准{zh_money(standard)}/月 × {POVERTY_ALLEVIATED_FACTOR.text}"
    else:
        monthly = standard
        basis = f"当地城市最低生活保障标准{zh_money(standard)}/月"
    value = monthly / DAYS_PER_MONTH.value * days
    formula = (f"{basis} ÷ {DAYS_PER_MONTH.value}天 × 实际参加有效培训{days}天 ≈ {zh_money(value)}"
               f"（估算：通知规定按实际培训天数折天计算，但没有写明折天的除数，这里按每月{DAYS_PER_MONTH.value}天估算）")
    return Amount(value, "元", ESTIMATE, formula), ()


def _preparatory(facts: Facts) -> Amount:
    months = facts.get("preparatory_training_months")
    if months is None:
        return Amount(PREPARATORY_MONTHLY.value, "元/月", EXACT, f"培训期间生活费补贴{PREPARATORY_MONTHLY.text}")
    value = PREPARATORY_MONTHLY.value * months
    return Amount(value, "元", EXACT, f"{PREPARATORY_MONTHLY.text} × {months}个月 = {zh_money(value)}")


def assess(facts: Facts) -> Assessment:
    training = answer(facts, "in_free_training", {True}, "c03-1", "在培训期间（参加免费职业培训）")
    apply = (f"可在{zh_date(DEADLINE.value)}前申领培训期间生活费（含交通费）补贴；"
             "所需资金按规定从专账资金或就业补助资金列支。")
    if training.outcome != MET:
        return Assessment(all_of(training), [training], apply, notes=[through(DEADLINE.value)])
    poor, difficult, referred = groups = _groups(facts)
    trainings = _trainings(facts)
    preparatory = answer(facts, "two_after_student", PREPARATORY_TRAINEES, "c03-4",
                         "“两后生”中的农村学员和城市低保家庭学员参加预备制培训")
    allowance = all_of(any_of(*groups), trainings)
    verdict = all_of(training, any_of(allowance, preparatory))
    conditions = [training]
    if allowance.outcome == MET or preparatory.outcome != MET:
        conditions += [*shown(groups), trainings]
    if preparatory.outcome == MET or allowance.outcome != MET:
        conditions.append(preparatory)
    notes = [through(DEADLINE.value)]
    refine: tuple[str, ...] = ()
    amount = None
    if allowance.outcome == MET:
        amount, refine = _daily_estimate(facts, poor.outcome == MET)
        if poor.outcome == MET and MET in (difficult.outcome, referred.outcome) and amount is not None:
            also = "同时属于就业困难人员" if difficult.outcome == MET else "同时可参照就业困难人员享受"
            notes.append(f"您{also}；通知没有写明同时属于两类时按哪一标准，以上按脱贫人口的标准估算。")
        if poor.outcome != MET and difficult.outcome != MET:
            notes.append("您按附件2第二部分参照就业困难人员享受，以上按就业困难人员的标准估算；参照享受的具体条件由"
                         "辽政发〔2020〕9号规定，以经办机构的认定为准。")
    if preparatory.outcome == MET:
        notes.append(f"“两后生”{PREPARATORY_MONTHLY.text}的标准所在的句子本身没有写截止日期；本条第一句写明补贴在"
                     f"{zh_date(DEADLINE.value)}前继续发放，本自测按整条截至该日处理，请以经办机构的解释为准。"
                     "不足一个月的如何计算，通知没有写明。")
        if allowance.outcome == MET:
            notes.append(f"按“两后生”预备制培训的标准：{_preparatory(facts).formula}；两种补贴如何衔接，通知没有写明。")
        else:
            amount, refine = _preparatory(facts), facts.ask("preparatory_training_months")
    return Assessment(verdict, conditions, apply, amount, notes, refine)


MEASURE = Measure(
    id="c03",
    clause="c03",
    title="困难人员培训期间生活费补贴",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(DEADLINE, POVERTY_ALLEVIATED_FACTOR, MAX_FREE_TRAININGS_PER_YEAR, PREPARATORY_MONTHLY),
    inputs=("in_free_training", "poverty_status", "free_trainings_this_year", "rural_dibao_standard",
            "urban_dibao_standard", "training_days", "two_after_student", "preparatory_training_months"),
    concepts=(EMPLOYMENT_DIFFICULTY, TREATED_AS_EMPLOYMENT_DIFFICULTY),
    closes=Deadline(DEADLINE, "补贴政策执行"),
)

"""Conditions on a person's age that several measures share: near retirement, working age, a minimum age.

Each says the day that matters (the day the person turns 16, reaches the legal retirement age, or is that many
years from it) and whether the judgement date has reached it, in the words of the comparison that decides.
"""

from __future__ import annotations

from .checks import NOT_REACHED, PASSED, REACHED, condition, unknown
from .concept import Concept
from .dates import add_months, zh_age, zh_date, zh_months
from .facts import Facts
from .parameter import Parameter
from .result import MET, Check, Said
from .retirement import MIN_WORKING_AGE_YEARS, NOT_MODELLED, Retirement, cohorts_for, legal_retirement

AGE_INPUTS = ("birth_date", "sex", "female_retirement_category")
RETIREMENT_AGE = Concept("法定退休年龄", inputs=AGE_INPUTS)
WORKING_AGE = Concept("法定劳动年龄", inputs=("birth_date",), concepts=(RETIREMENT_AGE,))
NEED_RETIREMENT = "还需要出生日期和性别（女性还需原法定退休年龄）才能计算法定退休年龄"


def retirement_of(facts: Facts) -> Retirement | None:
    """The person's legal retirement, or None while birth date, sex or (for women) the original age is unknown."""
    birth, sex = facts.get("birth_date"), facts.get("sex")
    category = facts.get("female_retirement_category")
    if birth is None or sex is None or (sex == "female" and category is None):
        return None
    return legal_retirement(birth, cohorts_for(sex, category), facts.as_of)


def retirement_note(facts: Facts) -> list[str]:
    """How the retirement age was worked out, once it could be."""
    retirement = retirement_of(facts)
    if retirement is None:
        return []
    return [f"法定退休年龄按{retirement.law}计算，为{zh_age(retirement.age_months)}；{NOT_MODELLED}"]


def _retirement_age(retirement: Retirement) -> str:
    return f"您的法定退休年龄为{zh_age(retirement.age_months)}，于{zh_date(retirement.reached_on)}达到"


def _not_retired(facts: Facts, retirement: Retirement) -> Said:
    """Whether the judgement date is still before the day the legal retirement age is reached."""
    return NOT_REACHED.said(facts.as_of, retirement.reached_on, f"{_retirement_age(retirement)}，判断日期", "该日")


def near_retirement(facts: Facts, months: Parameter, *, inclusive: bool, title: str = "") -> Check:
    """Within `months` (a period the notice writes in years) of the legal retirement age on the judgement date.

    民法典第一千二百五十九条: 「以内」 includes the boundary; 「不足」 (like 「不满」) does not — so with
    `inclusive` the very day that period before retirement counts (判断日期已到该日), without it it does not
    (判断日期已过该日).
    """
    wording = title or f"距法定退休年龄{months.text}"
    retirement = retirement_of(facts)
    if retirement is None:
        return unknown(facts, wording, months.cite, *AGE_INPUTS, need=NEED_RETIREMENT)
    before = _not_retired(facts, retirement)
    if not before.holds:
        return condition(wording, months.cite, before)
    start = add_months(retirement.reached_on, -months.value)
    said = (REACHED if inclusive else PASSED).said(
        facts.as_of, start, f"{_retirement_age(retirement)}；距法定退休年龄正好{zh_months(months.value)}的日子是"
                            f"{zh_date(start)}，判断日期", "该日")
    return condition(wording, months.cite, said)


def at_least_age(facts: Facts, years: int, wording: str, cite: str) -> Check:
    """At least `years` old on the judgement date (the birthday counts)."""
    birth = facts.get("birth_date")
    if birth is None:
        return unknown(facts, wording, cite, "birth_date")
    birthday = add_months(birth, 12 * years)
    return condition(wording, cite, REACHED.said(facts.as_of, birthday, f"您于{zh_date(birthday)}年满{years}周岁，判断日期",
                                                 "该日"))


def working_age(facts: Facts, cite: str) -> Check:
    """In 法定劳动年龄: at least 16 (《劳动法》第十五条) and below the legal retirement age."""
    wording = f"在法定劳动年龄内（年满{MIN_WORKING_AGE_YEARS.value}周岁、未达到法定退休年龄）"
    adult = at_least_age(facts, MIN_WORKING_AGE_YEARS.value, wording, cite)
    if adult.outcome != MET:
        return adult
    retirement = retirement_of(facts)
    if retirement is None:
        return unknown(facts, wording, cite, *AGE_INPUTS, need=NEED_RETIREMENT)
    before = _not_retired(facts, retirement)
    return condition(wording, cite, Said(adult.said.text + "；", adult.said.grounds) + before)

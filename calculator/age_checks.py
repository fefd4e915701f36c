"""Conditions on a person's age that several measures share: near retirement, working age, a minimum age."""

from __future__ import annotations

from .dates import add_months, zh_age, zh_date
from .facts import Facts
from .parameter import Parameter
from .result import MET, NOT_MET, UNKNOWN, Check
from .retirement import NOT_MODELLED, Retirement, cohorts_for, legal_retirement

MIN_WORKING_AGE_YEARS = 16  # 《劳动法》第十五条：禁止用人单位招用未满十六周岁的未成年人
AGE_INPUTS = ("birth_date", "sex", "female_retirement_category")


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


def near_retirement(facts: Facts, months: Parameter, *, inclusive: bool, title: str = "") -> Check:
    """Within `months` (a period the notice writes in years) of the legal retirement age on the as-of date.

    民法典第一千二百五十九条: 「以内」 includes the boundary; 「不足」 (like 「不满」) does not — so with
    `inclusive` the very day that period before retirement counts, without it it does not.
    """
    wording = title or f"距法定退休年龄{months.text}"
    retirement = retirement_of(facts)
    if retirement is None:
        return Check(f"{wording}：还需要出生日期和性别（女性还需原法定退休年龄）才能计算。", UNKNOWN, months.cite,
                     facts.ask(*AGE_INPUTS))
    reached = f"法定退休年龄为{zh_age(retirement.age_months)}（{zh_date(retirement.reached_on)}达到）"
    if facts.as_of >= retirement.reached_on:
        return Check(f"{wording}：您的{reached}，已经达到法定退休年龄。", NOT_MET, months.cite)
    start = add_months(retirement.reached_on, -months.value)
    inside = facts.as_of >= start if inclusive else facts.as_of > start
    boundary = f"{zh_date(start)}起" if inclusive else f"{zh_date(start)}之后"
    if inside:
        return Check(f"{wording}：您的{reached}；{boundary}即属于这一情形，现在符合。", MET, months.cite)
    return Check(f"{wording}：您的{reached}；要到{boundary}才属于这一情形。", NOT_MET, months.cite)


def at_least_age(facts: Facts, years: int, wording: str, cite: str) -> Check:
    birth = facts.get("birth_date")
    if birth is None:
        return Check(f"{wording}：还需要出生日期。", UNKNOWN, cite, facts.ask("birth_date"))
    birthday = add_months(birth, 12 * years)
    if facts.as_of >= birthday:
        return Check(f"{wording}：您已于{zh_date(birthday)}年满{years}周岁。", MET, cite)
    return Check(f"{wording}：您要到{zh_date(birthday)}才年满{years}周岁。", NOT_MET, cite)


def working_age(facts: Facts, cite: str) -> Check:
    """In 法定劳动年龄: at least 16 (《劳动法》第十五条) and below the legal retirement age."""
    wording = f"在法定劳动年龄内（年满{MIN_WORKING_AGE_YEARS}周岁、未达到法定退休年龄）"
    adult = at_least_age(facts, MIN_WORKING_AGE_YEARS, wording, cite)
    if adult.outcome != MET:
        return adult
    retirement = retirement_of(facts)
    if retirement is None:
        return Check(f"{wording}：还需要性别（女性还需原法定退休年龄）才能计算法定退休年龄。", UNKNOWN, cite,
                     facts.ask(*AGE_INPUTS))
    if facts.as_of >= retirement.reached_on:
        return Check(f"{wording}：您已于{zh_date(retirement.reached_on)}达到法定退休年龄"
                     f"{zh_age(retirement.age_months)}。", NOT_MET, cite)
    return Check(f"{wording}：您将于{zh_date(retirement.reached_on)}达到法定退休年龄"
                 f"{zh_age(retirement.age_months)}，现在在法定劳动年龄内。", MET, cite)

"""Legal retirement age (法定退休年龄) under the rules in force on the as-of date.

Before 2025-01-01: 国发〔1978〕104号 — men 60, women cadres 55, women workers 50.
From 2025-01-01: 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》 (2024-09-13) and its annex
《国务院关于渐进式延迟法定退休年龄的办法》: men and women whose original age was 55 retire one month later per
four-month birth cohort (from those born in January 1965 and January 1970), up to 63 and 58; women whose original
age was 50, one month later per two-month cohort (from January 1975), up to 55. So born January–April 1965, a man
retires at 60 years 1 month; born September 1976 or later, at 63.

Not modelled: the voluntary flexible early or late retirement the annex allows, and special early retirement
(e.g. hazardous work) — results say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import add_months
from .parameter import Sourced

OLD_LAW = "国发〔1978〕104号（男60周岁，女干部55周岁，女工人50周岁）"
NEW_LAW = ("《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》（2024年9月13日通过，"
           "2025年1月1日起施行）所附《国务院关于渐进式延迟法定退休年龄的办法》")

REFORM_IN_FORCE = Sourced(date(2025, 1, 1), NEW_LAW)
MIN_WORKING_AGE_YEARS = Sourced(16, "《中华人民共和国劳动法》第十五条：禁止用人单位招用未满十六周岁的未成年人"
                                    "（法定劳动年龄自16周岁起）")
NOT_MODELLED = "未计入弹性提前或延迟退休、特殊工种提前退休等情形。"


@dataclass(frozen=True, slots=True)
class Cohorts:
    """One group's original age and how the 2024 decision raises it by birth cohort (figures of other laws:
    `source` names them)."""

    original_months: int
    first_year: int  # the first cohort is born in January of this year
    cohort_months: int  # birth months per one-month step
    max_delay_months: int
    source: str


def _source(group: str) -> str:
    return f"{group}的原法定退休年龄：国发〔1978〕104号；2025年1月1日起的延迟：{NEW_LAW}"


MEN = Cohorts(60 * 12, 1965, 4, 36, _source("男职工"))
WOMEN_CADRES = Cohorts(55 * 12, 1970, 4, 36, _source("原法定退休年龄为55周岁的女职工"))
WOMEN_WORKERS = Cohorts(50 * 12, 1975, 2, 60, _source("原法定退休年龄为50周岁的女职工"))


@dataclass(frozen=True, slots=True)
class Retirement:
    age_months: int
    reached_on: date
    law: str


def cohorts_for(sex: str, female_category: str | None) -> Cohorts:
    if sex == "male":
        return MEN
    return WOMEN_CADRES if female_category == "cadre" else WOMEN_WORKERS


def legal_retirement(birth: date, cohorts: Cohorts, as_of: date) -> Retirement:
    """The legal retirement age and the day it is reached, under the rules in force on `as_of`."""
    if as_of < REFORM_IN_FORCE.value:
        age, law = cohorts.original_months, OLD_LAW
    else:
        born_after_start = (birth.year - cohorts.first_year) * 12 + birth.month - 1
        delay = 0 if born_after_start < 0 else min(born_after_start // cohorts.cohort_months + 1,
                                                     cohorts.max_delay_months)
        age, law = cohorts.original_months + delay, NEW_LAW
    return Retirement(age, add_months(birth, age), law)

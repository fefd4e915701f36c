"""Calendar arithmetic and Chinese date wording."""

from __future__ import annotations

from calendar import monthrange
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the month's last day where that month is shorter.

    This is how 民法典第二百零二条 ends a period counted in months or years (到期月的对应日；没有对应日的，
    月末日) and how an age in years and months is reached.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def zh_date(day: date) -> str:
    """2021年12月31日"""
    return f"{day.year}年{day.month}月{day.day}日"


def zh_age(months: int) -> str:
    """60岁, 60岁3个月"""
    years, rest = divmod(months, 12)
    return f"{years}岁{rest}个月" if rest else f"{years}岁"

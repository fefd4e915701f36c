"""Calendar arithmetic and Chinese date wording."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the month's last day where that month is shorter.

    This is how 民法典第二百零二条 ends a period counted in months or years (到期月的对应日；没有对应日的，
    月末日) and how an age in years and months is reached.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def term_in_months(start: date, end: date) -> int | None:
    """The number of whole calendar months from `start` to `end`, both days included, or None if it is not one.

    A term of n months that begins on `start` ends the day before the same day of the month n months later
    (2021年1月1日 to 2021年12月31日 is 12 months, 2021年3月1日 to 2022年2月28日 too), or on that month's last
    day where it has no such day (2021年1月31日 to 2021年2月28日 is 1 month).
    """
    rough = (end.year - start.year) * 12 + end.month - start.month
    for months in (rough, rough + 1):
        index = start.year * 12 + start.month - 1 + months
        year, month = divmod(index, 12)
        last_day = monthrange(year, month + 1)[1]
        ends = (date(year, month + 1, start.day) - timedelta(days=1) if start.day <= last_day
                else date(year, month + 1, last_day))
        if months >= 1 and ends == end:
            return months
    return None


def months_left(day: date, end: date) -> tuple[int, int, tuple[date, date]]:
    """From `day` to `end`, both included: the whole months counted back from the day after `end`, the days left
    over, and the first and last day of the month those days fall in (the month before the whole months)."""
    after = end + timedelta(days=1)
    months = 0
    while add_months(after, -(months + 1)) >= day:
        months += 1
    whole_months_begin = add_months(after, -months)
    month = (add_months(after, -(months + 1)), whole_months_begin - timedelta(days=1))
    return months, (whole_months_begin - day).days, month


def deadline_passed(last_day: date, day: date) -> bool:
    """Whether a deadline whose last day is `last_day` has passed on `day`: it is still open on its own day."""
    return day > last_day


def zh_date(day: date) -> str:
    """2021年12月31日, as the notice writes dates (the site and the self-check write every date with this)."""
    return f"{day.year}年{day.month}月{day.day}日"


def zh_age(months: int) -> str:
    """60岁, 60岁3个月"""
    years, rest = divmod(months, 12)
    return f"{years}岁{rest}个月" if rest else f"{years}岁"


def zh_months(months: int) -> str:
    """A period: 5年, 1年3个月, 4个月"""
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest or not years else "")

"""Every dated fact of the notice, sorted, with its status on a given day (the build date)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculator.dates import deadline_passed, zh_date

from .model import Attachment, Clause, Fact, Notice


@dataclass(frozen=True)
class TimelineEntry:
    fact: Fact
    part: Clause | Attachment
    status: str  # "open" | "closed" for a date that ends something, "passed" | "ahead" for any other date
    status_label: str

    @property
    def date(self) -> datetime.date:
        assert self.fact.date is not None
        return self.fact.date


def status_of(fact: Fact, today: datetime.date) -> tuple[str, str]:
    """(status, Chinese label) of a dated fact on `today`; a deadline is still open on its own date."""
    assert fact.date is not None
    day = zh_date(fact.date)
    if fact.closes:
        if not deadline_passed(fact.date, today):
            return "open", f"进行中，截至 {day}"
        return "closed", f"已于 {day} 截止"
    if today < fact.date:
        return "ahead", "尚未到来"
    return "passed", "已过"


def timeline(notice: Notice, today: datetime.date) -> list[TimelineEntry]:
    """The dated facts of every clause and attachment, by date, then in the notice's order."""
    entries = [
        TimelineEntry(fact, part, *status_of(fact, today))
        for part in notice.parts
        for fact in part.explanation.facts
        if fact.date is not None
    ]
    return sorted(entries, key=lambda entry: entry.date)


def deadlines(notice: Notice) -> list[Fact]:
    """The dated facts that end something (an application window, a policy's term), by date."""
    dated = [(fact.date, fact) for part in notice.parts for fact in part.explanation.facts if fact.date and fact.closes]
    return [fact for _, fact in sorted(dated, key=lambda pair: pair[0])]

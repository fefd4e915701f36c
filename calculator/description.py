"""A measure as others may read it without running its rule: its window, its figures and their sentences, the
questions it reads and the shared concepts it asks about.

The site's clause pages read this (sitebuild/rules.py), never a measure's fields; `as_json` gives the same as
plain data for the browser. `Measure.evaluate` takes a result's status on the judgement date from the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .dates import deadline_passed
from .parameter import Parameter
from .result import CLOSED, NOT_YET_OPEN

OPEN = "open"  # a window between its first and last day (CLOSED and NOT_YET_OPEN are also a result's statuses)


@dataclass(frozen=True, slots=True)
class Window:
    """From the notice's day of effect to a last day, or with none the notice states."""

    opens: Parameter
    last_day: Parameter | None
    label: str  # “申请截至2021年12月31日”; without a last day, what the notice leaves open

    def status_on(self, day: date) -> str:
        """NOT_YET_OPEN before the first day, CLOSED after the last (which is still open), OPEN otherwise."""
        if day < self.opens.value:
            return NOT_YET_OPEN
        if self.last_day is not None and deadline_passed(self.last_day.value, day):
            return CLOSED
        return OPEN

    def as_json(self) -> dict[str, Any]:
        return {"opens": self.opens.value.isoformat(),
                "last_day": None if self.last_day is None else self.last_day.value.isoformat(),
                "label": self.label}


@dataclass(frozen=True, slots=True)
class Description:
    id: str
    clause: str
    title: str
    parts: tuple[str, ...]  # the clause and attachment whose sentences its conditions cite
    audiences: tuple[str, ...]  # values of the `asker` question it concerns
    window: Window
    figures: tuple[Parameter, ...]  # every figure of the notice it uses, its own first, the day of effect last
    inputs: tuple[str, ...]  # every question it reads (ids of calculator/inputs.py), its own first
    concepts: tuple[str, ...]  # the shared concepts it asks about (calculator/concept.py), by name

    @property
    def sentences(self) -> tuple[str, ...]:
        """The sentences its figures stand in, each once, in the order of its figures."""
        return tuple(dict.fromkeys(figure.cite for figure in self.figures))

    def as_json(self) -> dict[str, Any]:
        """Plain data: dates as YYYY-MM-DD, decimals as text (“0.06”), fractions as “1/3”."""
        return {
            "id": self.id,
            "clause": self.clause,
            "title": self.title,
            "parts": list(self.parts),
            "audiences": list(self.audiences),
            "window": self.window.as_json(),
            "figures": [{"id": figure.id, "value": _plain(figure.value), "cite": figure.cite, "text": figure.text}
                        for figure in self.figures],
            "sentences": list(self.sentences),
            "inputs": list(self.inputs),
            "concepts": list(self.concepts),
        }


def _plain(value: int | Decimal | Fraction | date) -> int | str:
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, int) else str(value)

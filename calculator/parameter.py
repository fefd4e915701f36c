"""The figures the rules use, each with where it comes from.

A figure the notice fixes is a `Parameter`: its value, the sentence it stands in (`cite`) and its words there
(`text`), read by id from calculator/figures.py, which is written from the facts of notice/ (the one place each
figure is written; the loader checks that its words stand in that sentence and state that value). A figure the
notice does not fix, from another law or the self-check's own assumption, is a `Sourced` value that says where
it comes from, as policyengine-us parameters carry their references.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeVar

from .figures import FIGURES

Value = TypeVar("Value", Decimal, Fraction, int, date)


@dataclass(frozen=True, slots=True)
class Parameter(Generic[Value]):
    id: str  # the id of its fact in notice/, e.g. "layoff-rate-limit"
    value: Value  # a rate, a count, an amount or a date: each parameter's own type
    cite: str  # sentence anchor, e.g. "c01-1"
    text: str  # as written in that sentence, e.g. "6％"


@dataclass(frozen=True, slots=True)
class Sourced(Generic[Value]):
    """A figure the notice does not fix."""

    value: Value
    source: str  # the law and provision it comes from, or the assumption it is and why


def figure(figure_id: str) -> Parameter:
    """The notice's figure `figure_id`."""
    value, cite, text = FIGURES[figure_id]
    return Parameter(figure_id, value, cite, text)


ISSUE_DATE = figure("issue-date")
"""The notice took effect on issue; the date itself is the signature's 2021年7月26日 (document.yaml)."""

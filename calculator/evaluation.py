"""`evaluate`: answers and an as-of date in, every concerned measure's result out."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache
from typing import Any

from .guidance import guidance_for
from .measure import Measure
from .measures import BY_ID, MEASURES
from .validation import UNKNOWN_LIMIT, InputError, read, shown


def evaluate(answers: dict[str, Any], as_of: date | str | None = None,
             measures: Collection[str] | None = None) -> dict[str, Any]:
    """Assess `answers` on `as_of` (default today), optionally only the measures whose ids are listed.

    Measures for the other kind of asker (individual / unit) are left out once `asker` is known. Guidance (the
    clauses no measure computes) comes with the full assessment only; with `measures` listed it is empty, as
    the caller asked about those measures alone. Raises InputError listing every bad field; nothing else
    escapes.
    """
    errors: list[dict[str, str]] = []
    try:
        selected = _select(measures)
    except InputError as bad:
        errors += bad.errors
    try:
        facts = read(answers, as_of)
    except InputError as bad:
        errors += bad.errors
    if errors:
        raise InputError(errors)
    asker = facts.get("asker")
    return {
        "as_of": facts.as_of.isoformat(),
        "measures": [measure.evaluate(facts) for measure in selected if asker is None or asker in measure.audiences],
        "guidance": guidance_for(facts) if measures is None else [],
    }


def _select(ids: Collection[str] | None) -> tuple[Measure, ...]:
    if ids is None:
        return MEASURES
    if not isinstance(ids, (list, tuple, set, frozenset)):  # not any iterable: a generator may never end
        raise InputError([{"field": "measures", "message": f"应是措施编号的列表，可选：{'、'.join(BY_ID)}。"}])
    wanted = tuple(ids)
    if not all(isinstance(item, str) for item in wanted):
        raise InputError([{"field": "measures", "message": f"措施编号应是文字，可选：{'、'.join(BY_ID)}。"}])
    return _selection(wanted)


@lru_cache(maxsize=64)
def _selection(wanted: tuple[str, ...]) -> tuple[Measure, ...]:
    """The listed measures in clause order (cached: the batch mode asks for the same ones a million times)."""
    unknown = [item for item in dict.fromkeys(wanted) if item not in BY_ID]
    if unknown:
        listed = "、".join(shown(item) for item in unknown[:UNKNOWN_LIMIT])
        more = f"等{len(unknown)}个" if len(unknown) > UNKNOWN_LIMIT else ""
        raise InputError([{"field": "measures",
                           "message": f"没有这些措施：{listed}{more}；可选：{'、'.join(BY_ID)}。"}])
    return tuple(measure for measure in MEASURES if measure.id in wanted)

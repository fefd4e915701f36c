"""The answers that count, and the date they are judged on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .inputs import INPUTS, ORDER


class Facts:
    """Valid answers to the questions that are asked (an answer whose `ask_if` does not hold is dropped,
    as the form hides that question), plus the as-of date.

    `facts.get(input_id)` is the answer, or None when it is unknown or the question is not asked.
    """

    __slots__ = ("as_of", "get", "values")

    def __init__(self, values: dict[str, Any], as_of: date) -> None:
        self.values = values
        self.as_of = as_of
        self.get: Callable[[str], Any] = values.get

    def ask(self, *input_ids: str) -> tuple[str, ...]:
        """The questions to answer next to learn the unknown ones of `input_ids`, in catalogue order.

        A question whose `ask_if` waits on an unanswered question is replaced by that question, so every id
        returned is one the form shows now; a question that is not asked in this situation yields nothing.
        """
        wanted: set[str] = set()
        for input_id in input_ids:
            if input_id not in self.values:
                wanted.update(self._askable(input_id))
        return tuple(sorted(wanted, key=ORDER.__getitem__))

    def _askable(self, input_id: str) -> tuple[str, ...]:
        for condition, allowed in INPUTS[input_id].ask_if:
            value = self.values.get(condition)
            if value is None:
                return self._askable(condition)
            if value not in allowed:
                return ()
        return (input_id,)

"""One measure's entry of `evaluate`'s result, for the tests of single rules."""

from __future__ import annotations

from typing import Any

from calculator import evaluate


def measure_result(measure_id: str, answers: dict[str, Any], as_of: str) -> dict[str, Any]:
    (found,) = evaluate(answers, as_of, measures=[measure_id])["measures"]
    return found

"""The worker's Python bridge, run here under CPython: JSON in, the calculator's own JSON out."""

from __future__ import annotations

import json
import runpy
from collections.abc import Callable

import pytest

import calculator
from sitebuild.paths import DOCS_DIR


@pytest.fixture(scope="module")
def evaluate_json() -> Callable[[str, str | None], str]:
    return runpy.run_path(str(DOCS_DIR / "assets" / "selfcheck" / "bridge.py"))["evaluate_json"]


def test_a_result_is_exactly_what_evaluate_returns(evaluate_json) -> None:
    answers = {"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme"}
    reply = json.loads(evaluate_json(json.dumps(answers), "2021-09-01"))
    assert reply == {"result": json.loads(json.dumps(calculator.evaluate(answers, "2021-09-01")))}


def test_bad_answers_come_back_as_field_errors(evaluate_json) -> None:
    answers = {"asker": "unit", "insured_staff_last_year": -1}
    with pytest.raises(calculator.InputError) as raised:
        calculator.evaluate(answers, "2021-09-01")
    reply = json.loads(evaluate_json(json.dumps(answers), "2021-09-01"))
    assert reply == {"errors": raised.value.errors}
    assert any(error["field"] == "insured_staff_last_year" for error in reply["errors"])


def test_no_date_means_today(evaluate_json) -> None:
    reply = json.loads(evaluate_json(json.dumps({"asker": "individual"}), None))
    assert reply["result"]["as_of"] == calculator.evaluate({"asker": "individual"})["as_of"]

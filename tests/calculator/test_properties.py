"""Property-based tests over the whole input space, with strategies built from the catalogue itself
(so a new question is covered as soon as it is declared)."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculator
from calculator.inputs import CATALOGUE, INPUTS, Input
from calculator.measures import BY_ID
from calculator.validation import read

STATUSES = {"eligible", "in_scope", "need_info", "not_eligible", "not_in_scope", "closed", "not_yet_open"}
SCOPE_MEASURES = {"a1", "a2"}
"""The measures that only say who is in a group: in_scope / not_in_scope, never eligible / not_eligible."""
MEASURE_KEYS = {"id", "clause", "title", "status", "status_label", "window", "amount", "figures", "conditions",
                "missing", "next_step", "office", "notes"}
FIGURES = {"c01": {"layoff_rate", "refund_rate", "no_application"}}
"""The figures of each measure (calculator/result.py): the same names in every result; none for the others."""
AS_OF = st.dates(date(2021, 1, 1), date(2027, 12, 31))


def valid_answer(spec: Input) -> st.SearchStrategy:
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "count":
        return st.integers(spec.min, min(spec.max, spec.min + 40)) | st.integers(spec.min, spec.max)
    if spec.type == "money":
        low, high = float(spec.min), float(spec.max)
        return (st.decimals(spec.min, spec.max, places=2) | st.floats(low, high) | st.integers(int(low), int(high)))
    if spec.type == "date":
        return st.dates(spec.min, spec.max).map(date.isoformat)
    return st.sampled_from([choice.value for choice in spec.choices])


JUNK = (st.text(max_size=5) | st.integers(-10**12, 10**12) | st.floats(allow_nan=True, allow_infinity=True)
        | st.booleans() | st.lists(st.integers(), max_size=2) | st.dictionaries(st.text(max_size=2), st.integers(),
                                                                                 max_size=1) | st.none())

valid_answers = st.fixed_dictionaries({}, optional={spec.id: st.none() | valid_answer(spec) for spec in CATALOGUE})
any_answers = st.fixed_dictionaries({}, optional={spec.id: valid_answer(spec) | JUNK for spec in CATALOGUE}).flatmap(
    lambda answers: st.dictionaries(st.text(max_size=8), JUNK, max_size=2).map(lambda extra: {**extra, **answers}))


def evaluated(answers, as_of) -> dict | None:
    try:
        return calculator.evaluate(answers, as_of)
    except calculator.InputError as error:
        assert error.errors and all(set(e) == {"field", "message"} for e in error.errors)
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_answers | JUNK, AS_OF.map(date.isoformat) | AS_OF | JUNK,
       st.none() | st.lists(st.sampled_from(["c01", "a2", "c99"]) | JUNK, max_size=3) | JUNK)
def test_result_or_input_error_never_anything_else(answers, as_of, measures):
    try:
        result = calculator.evaluate(answers, as_of, measures=measures)
    except calculator.InputError as error:
        assert error.errors and all(set(e) == {"field", "message"} for e in error.errors)
    else:
        json.dumps(result, allow_nan=False)


@pytest.fixture(scope="module")
def anchors(notice):
    return notice


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(valid_answers, AS_OF)
def test_results_keep_the_contract(anchors, answers, as_of):
    result = evaluated(answers, as_of.isoformat())
    if result is None:
        return
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert set(result) == {"as_of", "measures", "guidance"} and result["as_of"] == as_of.isoformat()
    facts = read(answers, as_of)
    for measure in result["measures"]:
        assert set(measure) == MEASURE_KEYS
        assert measure["status"] in STATUSES and measure["status_label"] and measure["next_step"]
        amount = measure["amount"]
        if amount is not None:
            assert amount["value"] >= 0 and math.isfinite(amount["value"])
            assert amount["bound"] in {"upper", "exact", "estimate"} and amount["formula"]
        assert set(measure["figures"]) == FIGURES.get(measure["id"], set())
        for value in measure["figures"].values():
            assert value is None or type(value) in (bool, int, float) and math.isfinite(value)
        for condition in measure["conditions"]:
            assert condition["outcome"] in {"met", "not_met", "unknown"}
            assert anchors.has_anchor(condition["cite"]), condition["cite"]
            assert condition["cite"].split("-")[0] in BY_ID[measure["id"]].parts, (measure["id"], condition["cite"])
        outcomes = {condition["outcome"] for condition in measure["conditions"]}
        if measure["status"] == "need_info":
            assert measure["missing"] and "unknown" in outcomes, measure["id"]
        if measure["status"] in ("eligible", "in_scope"):
            assert "not_met" not in outcomes or measure["id"] in {"a1", "a2", "c03", "c14"}  # routes: one suffices
        scope = {"in_scope", "not_in_scope"} if measure["id"] in SCOPE_MEASURES else {"eligible", "not_eligible"}
        assert measure["status"] in scope | {"need_info", "closed", "not_yet_open"}, measure["id"]
        if measure["status"] in ("in_scope", "not_in_scope"):
            assert "符合条件" not in measure["status_label"] and "范围" in measure["status_label"]
        for input_id in measure["missing"]:
            assert input_id not in facts.values, f"{measure['id']} asks again for {input_id}"
            for condition, allowed in INPUTS[input_id].ask_if:
                assert facts.get(condition) in allowed, f"{measure['id']} asks {input_id}, which the form hides"
    for item in result["guidance"]:
        assert anchors.has_anchor(item["cite"]) and item["text"]


c01_answers = st.fixed_dictionaries({
    "asker": st.just("unit"),
    "unit_type": st.sampled_from([c.value for c in INPUTS["unit_type"].choices]),
    "enterprise_size": st.sampled_from(["large", "sme"]),
    "insured_staff_last_year": st.integers(0, 500),
    "insured_at_end_of_2020": st.integers(0, 500),
}).flatmap(lambda answers: st.integers(0, answers["insured_staff_last_year"]).map(
    lambda layoffs: {**answers, "layoffs_last_year": layoffs}))


@settings(max_examples=300, deadline=None)
@given(c01_answers, st.decimals(0, 10**9, places=2), st.decimals(0, 10**6, places=2),
       st.dates(date(2021, 7, 26), date(2021, 12, 31)))
def test_a_refund_never_falls_when_contributions_rise(answers, paid, more, as_of):
    def refund(contributions):
        (c01,) = calculator.evaluate({**answers, "uic_paid_last_year": contributions}, as_of, measures=["c01"])[
            "measures"]
        return c01["amount"]["value"] if c01["amount"] else None

    lower, higher = refund(paid), refund(paid + more)
    assert (lower is None) == (higher is None)
    if lower is not None:
        assert 0 <= lower <= higher
        assert Decimal(str(higher)) <= (paid + more) * Decimal("0.6")


@settings(max_examples=100, deadline=None)
@given(valid_answers, AS_OF)
def test_restricting_measures_changes_nothing_else(answers, as_of):
    full = evaluated(answers, as_of.isoformat())
    if full is None:
        return
    for measure in full["measures"]:
        only = calculator.evaluate(answers, as_of, measures=[measure["id"]])
        assert only["measures"] == [measure]

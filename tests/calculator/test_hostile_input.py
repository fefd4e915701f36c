"""`evaluate` promises a result or an InputError, whatever a caller passes: huge integers, deep nesting, odd
types, date objects out of range, Decimal specials, subclasses that misbehave. Messages quote a bad value by a
short prefix only. (The command line's side of this is in test_cli.py.)"""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict, defaultdict
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import InputError, evaluate
from calculator.inputs import CATALOGUE
from calculator.validation import QUOTE_LIMIT, quoted, shown

MESSAGE_LIMIT = 400
"""No message is longer (the longest fixed one lists the eight unit types)."""


def nest(depth: int, inner: Any = None, kind: type = list) -> Any:
    value = inner
    for _ in range(depth):
        value = kind([value]) if kind in (list, tuple) else {"a": value}
    return value


class Unprintable:
    """An object whose str, repr and comparisons all fail."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __hash__ = object.__hash__


class Text(str):
    def __str__(self) -> str:
        raise RuntimeError("str")

    def lower(self) -> str:
        raise RuntimeError("lower")


class Number(int):
    def __le__(self, other: object) -> bool:
        raise RuntimeError("le")

    __ge__ = __lt__ = __gt__ = __le__

    def __repr__(self) -> str:
        raise RuntimeError("repr")


class Real(float):
    def __repr__(self) -> str:
        return "not a number"


class Day(datetime.date):
    def isoformat(self) -> str:
        raise RuntimeError("isoformat")

    def __le__(self, other: object) -> bool:
        raise RuntimeError("le")


class Stubborn(dict):
    """A dict whose items(), keys() and iteration fail."""

    def items(self):
        raise RuntimeError("items")

    keys = values = __iter__ = items


HUGE_INTS = st.integers(0, 20_000).map(lambda digits: 7 * 10**digits) | st.integers(5000, 6000).map(lambda n: -(10**n))
DEEP = st.builds(nest, st.integers(0, 5000), st.none(), st.sampled_from([list, tuple, dict]))
DATES = st.dates() | st.datetimes() | st.builds(Day, st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28))
TEXTS = (st.text(max_size=50) | st.integers(0, 200_000).map(lambda n: "x" * n)
         | st.sampled_from(["２０２１-０９-０１", "٢٠٢١-٠٩-٠١", "2021-02-30", "0000-01-01", "9999-12-31", "\t=1+1", "\x1b[2J"])
         | st.builds(Text, st.sampled_from(["unit", "asker", "c01", "2021-09-01"])))
NUMBERS = (st.integers() | HUGE_INTS | st.floats() | st.decimals() | st.builds(Number, st.integers())
           | st.builds(Real, st.floats()) | st.sampled_from([Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"),
                                                             Decimal("1E+999999999"), Decimal("1E-999999999")]))
ODD = (st.sampled_from([b"unit", bytearray(b"x"), {1, 2}, frozenset(), object(), type, print, ...])
       | st.builds(Unprintable))
HOSTILE = st.none() | st.booleans() | NUMBERS | TEXTS | DATES | DEEP | ODD
KEYS = st.sampled_from([spec.id for spec in CATALOGUE]) | TEXTS | HUGE_INTS | st.tuples(st.integers())


def answers_of(kind: type, pairs: list[tuple[Any, Any]]) -> Any:
    answers = kind()
    for key, value in pairs:
        try:
            answers[key] = value
        except Exception:  # a key that cannot be hashed again: not something a caller could pass either
            pass
    return answers


ANSWERS = st.builds(answers_of, st.sampled_from([dict, OrderedDict, Stubborn, lambda: defaultdict(int)]),
                    st.lists(st.tuples(KEYS, HOSTILE), max_size=6)) | HOSTILE
MEASURES = st.none() | st.lists(st.sampled_from(["c01", "a2", "c99"]) | HOSTILE, max_size=3) | HOSTILE


def check_errors(error: InputError) -> None:
    assert error.errors
    for item in error.errors:
        assert set(item) == {"field", "message"}
        assert type(item["field"]) is str and type(item["message"]) is str
        assert len(item["field"]) <= MESSAGE_LIMIT and len(item["message"]) <= MESSAGE_LIMIT, item
    str(error)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ANSWERS, HOSTILE | st.dates().map(datetime.date.isoformat), MEASURES)
def test_evaluate_gives_a_result_or_an_input_error_whatever_it_is_passed(answers, as_of, measures) -> None:
    try:
        result = evaluate(answers, as_of, measures=measures)
    except InputError as error:
        check_errors(error)
    else:
        json.dumps(result, allow_nan=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(CATALOGUE), HOSTILE)
def test_a_hostile_answer_to_any_question_is_refused_or_read_on_that_question(spec, value) -> None:
    try:
        evaluate({"asker": "unit", spec.id: value}, "2021-09-01")
    except InputError as error:
        check_errors(error)
        assert {item["field"] for item in error.errors} <= {spec.id, "asker", *(s.id for s in CATALOGUE)}


@pytest.mark.parametrize("value", [10**5000, -(10**5000), nest(990), nest(100_000), nest(5000, kind=dict),
                                   "x" * 50_000_000, b"x" * 1000, Unprintable(), Decimal("sNaN")],
                         ids=["huge", "huge-negative", "nested-990", "nested-100000", "dicts-5000", "50MB", "bytes",
                              "unprintable", "sNaN"])
def test_messages_quote_at_most_a_short_prefix(value) -> None:
    with pytest.raises(InputError) as raised:
        evaluate({"asker": value, value if isinstance(value, (str, int)) else "other": 1}, "2021-09-01")
    check_errors(raised.value)


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param(10**5000, "一个约5001位的整数", id="huge"), ("abc", "“abc”"),
    ("x" * 100, f"“{'x' * QUOTE_LIMIT}……”（共100个字符）"), (12, "“12”"), (10**200, "一个约201位的整数"),
    (True, "“true”"), (1.5, "“1.5”"), (Decimal("1E+999999999"), "“1E+999999999”"), ([1], "一个列表"),
    ({"a": 1}, "一个对象（字典）"), (b"x", "一串字节"), (None, "null"), (Unprintable(), "一个无法识别的值"),
    (datetime.date(2021, 9, 1), "“2021-09-01”"), ("a\x1b[2Jb", "“a\\x1b[2Jb”"),
])
def test_how_a_bad_value_is_quoted(value, expected) -> None:
    assert quoted(value) == expected
    assert shown(value) == expected.strip("“”").replace("”（", "（")


@pytest.mark.parametrize("as_of", [datetime.date(1, 1, 1), datetime.date(1899, 12, 31), datetime.date(2101, 1, 1),
                                   datetime.datetime(9999, 12, 31, 23, 59), Day(2200, 1, 1)])
def test_a_date_object_out_of_range_is_refused_like_its_text(as_of) -> None:
    with pytest.raises(InputError) as raised:
        evaluate({}, as_of)
    assert raised.value.errors == [{"field": "as_of", "message": "日期应在1900-01-01到2100-12-31之间。"}]
    assert evaluate({}, Day(2021, 9, 1))["as_of"] == "2021-09-01"


@pytest.mark.parametrize("text", ["２０２１-０９-０１", "٢٠٢١-٠٩-٠١", "2021-09-01\n", " 2021-09-01"])
def test_a_date_in_other_digits_or_with_spaces_is_a_format_error(text) -> None:
    with pytest.raises(InputError) as raised:
        evaluate({}, text)
    assert raised.value.errors == [{"field": "as_of", "message": "日期应写成YYYY-MM-DD的形式，例如2021-07-26。"}]


def test_unknown_questions_are_listed_up_to_a_limit() -> None:
    with pytest.raises(InputError) as raised:
        evaluate({f"q{number}": 1 for number in range(10_000)}, "2021-09-01")
    errors = raised.value.errors
    assert len(errors) == 11
    assert errors[-1] == {"field": "answers", "message": "另有9990个无法识别的问题，未逐一列出。"}


def test_a_dict_subclass_is_read_as_the_dict_it_holds() -> None:
    answers = {"asker": "unit", "unit_type": "law_firm"}
    assert evaluate(Stubborn(answers), "2021-09-01") == evaluate(answers, "2021-09-01")
    assert evaluate({Text("asker"): Text("unit")}, "2021-09-01") == evaluate({"asker": "unit"}, "2021-09-01")


def test_measures_must_be_a_list_not_any_iterable() -> None:
    with pytest.raises(InputError):
        evaluate({}, "2021-09-01", measures=iter(["c01"]))
    with pytest.raises(InputError) as raised:
        evaluate({}, "2021-09-01", measures=[f"m{number}" for number in range(1000)])
    assert "等1000个" in raised.value.errors[0]["message"]

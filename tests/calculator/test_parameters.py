"""Every figure and date the rules use is declared once, with the words it has in the sentence it cites."""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import calculator
from calculator.dates import zh_date
from calculator.parameter import ISSUE_DATE, Parameter


def _parameters() -> dict[str, Parameter]:
    """Every Parameter defined anywhere in the package, by its qualified name (each object once)."""
    found: dict[int, tuple[str, Parameter]] = {}
    for info in pkgutil.walk_packages(calculator.__path__, "calculator."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Parameter) and id(value) not in found:
                found[id(value)] = (f"{info.name}.{name}", value)
    return dict(found.values())


PARAMETERS = _parameters()


def test_the_rules_have_their_parameters():
    assert len(PARAMETERS) >= 30


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_text_occurs_in_the_cited_sentence(name, notice):
    parameter = PARAMETERS[name]
    assert notice.has_anchor(parameter.cite), f"{name} cites unknown anchor {parameter.cite}"
    assert parameter.text in notice.text_of(parameter.cite), f"{name}: “{parameter.text}” not in {parameter.cite}"


def _number(text: str) -> Decimal:
    match = re.search(r"\d+(\.\d+)?", text)
    assert match, f"no figure in “{text}”"
    return Decimal(match.group())


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_value_is_what_the_text_says(name, notice):
    """The value and the words agree: 6％ is 0.06, 10万元 is 100000, 满1年 is 12 months, a date is that date."""
    parameter = PARAMETERS[name]
    value, text = parameter.value, parameter.text
    if parameter is ISSUE_DATE:
        assert value == notice.document.signed_on
    elif isinstance(value, date):
        assert zh_date(value) in text
    elif isinstance(value, Fraction):
        assert f"{value.numerator}/{value.denominator}" in text
    elif "％" in text:
        assert value == _number(text) / 100
    elif "万元" in text:
        assert value == _number(text) * 10_000
    elif "一次" in text:
        assert value == 1
    elif "年" in text and "个月" not in text and "周岁" not in text:
        assert value == _number(text) * 12, "a period in years is held in months"
    else:
        assert value == _number(text)

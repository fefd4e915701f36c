"""Every figure and date the rules use is declared once, with the words it has in the sentence it cites, and
recorded as a fact of that sentence in notice/ (the one place the site's facts boxes read)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from calculator.dates import zh_date
from calculator.parameter import ISSUE_DATE
from calculator.registry import PARAMETERS as REGISTRY

PARAMETERS = {use.name: use.parameter for use in REGISTRY}


def test_the_rules_have_their_parameters():
    assert len(PARAMETERS) >= 30


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_text_occurs_in_the_cited_sentence(name, notice):
    parameter = PARAMETERS[name]
    assert notice.has_anchor(parameter.cite), f"{name} cites unknown anchor {parameter.cite}"
    assert parameter.text in notice.text_of(parameter.cite), f"{name}: “{parameter.text}” not in {parameter.cite}"


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_a_fact_of_the_cited_sentence_records_it(name, notice):
    """The notice's data and the rules hold one copy of each figure: a fact with the same cite whose value holds
    the Parameter's words (its label is what the clause page shows for the self-check's figure)."""
    parameter = PARAMETERS[name]
    facts = [fact for part in notice.parts for fact in part.explanation.facts if fact.cite == parameter.cite]
    assert any(parameter.text in fact.value for fact in facts), (
        f"{name}: no fact in notice/ cites {parameter.cite} with a value holding “{parameter.text}”; "
        f"add one, its value verbatim from the sentence")


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

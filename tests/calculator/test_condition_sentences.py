"""Every condition of every measure, driven to met, not met and unknown: its sentence states that outcome.

The answers are explored from the scenario cases and from seeded random walks through the questions each
measure asks next (`missing`), over several judgement dates. For every condition met on the way:

- the words state the answers given, in the catalogue's statement of them, and never another answer;
- each comparison word (不高于, 不足, 已到…) is true of the numbers or dates it compares, by this file's own
  table of what the words mean, and its opposite is absent;
- the outcome follows the ground that decides it: within one condition, the same answer or the same word
  always gives the same outcome, and the two words of a comparison give opposite ones;
- an unknown condition says what is still needed, a settled one does not;
- no measure makes a condition by hand (calculator/checks.py builds every one from what decides it).
"""

from __future__ import annotations

import operator
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import calculator
from calculator.facts import Facts
from calculator.inputs import BOOL, CATALOGUE, CHOICE, COUNT, DATE, INPUTS
from calculator.measures import MEASURES
from calculator.result import MET, NOT_MET, UNKNOWN, Answer, Check, Compared
from calculator.validation import InputError, read
from cases import load_cases

MEANING = {  # what each comparison word says of (left, right), independently of the rules
    "不超过": operator.le, "超过": operator.gt, "不高于": operator.le, "高于": operator.gt,
    "达到": operator.ge, "不足": operator.lt, "满": operator.ge, "不满": operator.lt, "不少于": operator.ge,
    "已到": operator.ge, "未到": operator.lt, "已过": operator.gt, "未过": operator.le,
    "不早于": operator.ge, "早于": operator.lt, "不晚于": operator.le, "晚于": operator.gt,
}
OPPOSITE = {"不超过": "超过", "不高于": "高于", "达到": "不足", "满": "不满", "不足": "不少于", "已到": "未到",
            "已过": "未过", "不早于": "早于", "不晚于": "晚于"}
OPPOSITE |= {second: first for first, second in OPPOSITE.items()}

AS_OF = (date(2021, 9, 1), date(2021, 12, 31), date(2025, 6, 1), date(2026, 11, 27))
UNREACHABLE = {  # (measure, condition title) → outcomes no answers can give, and why
    ("c07", "退役士兵或重点群体创业就业"): {MET, NOT_MET},  # only shown while the asker is unknown
}
WALKS_PER_MEASURE = 150


@dataclass(frozen=True)
class Seen:
    """A condition as the rules built it, with the answers it was built from."""

    measure: str
    check: Check
    facts: Facts

    @property
    def key(self) -> tuple[str, str]:
        return self.measure, self.check.title


def _dates(input_id: str, as_of: date) -> list[date]:
    if input_id == "birth_date":
        return [as_of.replace(year=as_of.year - years) - timedelta(days=shift)
                for years, shift in ((15, 0), (16, 0), (16, -1), (30, 0), (45, 0), (55, 0), (56, 0), (60, 0), (64, 0))]
    if input_id == "unemployment_case_date":
        return [date(2020, 12, 31), date(2021, 1, 1), min(as_of, date(2021, 6, 1))]
    return [date(2021, 1, 1), date(2021, 3, 1), date(2021, 5, 1), date(2021, 8, 31), date(2021, 9, 1),
            date(2021, 12, 31), date(2022, 2, 28)]


def _values(input_id: str, as_of: date) -> list[Any]:
    spec = INPUTS[input_id]
    if spec.type == BOOL:
        return [True, False]
    if spec.type == CHOICE:
        return [choice.value for choice in spec.choices]
    if spec.type == COUNT:
        return [n for n in (0, 1, 2, 3, 4, 6, 7, 11, 12, 30, 31, 100) if spec.min <= n <= spec.max]
    if spec.type == DATE:
        return [day.isoformat() for day in _dates(input_id, as_of)]
    return [Decimal("0"), Decimal("620"), Decimal("12345.67")]


def _assessed(answers: dict[str, Any], as_of: date) -> tuple[Facts, dict] | None:
    try:
        facts = read(answers, as_of)
    except InputError:
        return None
    return facts, calculator.evaluate(answers, as_of)


def _valid(answers: dict[str, Any], as_of: date) -> bool:
    try:
        read(answers, as_of)
    except InputError:
        return False
    return True


def _walk(measure, rng: random.Random) -> Iterator[tuple[dict[str, Any], date]]:
    """Answers growing one question at a time, each the next one the measure asks."""
    as_of = rng.choice(AS_OF)
    answers: dict[str, Any] = {"asker": rng.choice(sorted(measure.audiences))}
    for _ in range(40):
        yield dict(answers), as_of
        (found,) = calculator.evaluate(answers, as_of, measures=[measure.id])["measures"]
        if not found["missing"]:
            return
        question = rng.choice(found["missing"])
        options = _values(question, as_of)
        rng.shuffle(options)
        for option in options:
            if _valid({**answers, question: option}, as_of):
                answers[question] = option
                break
        else:
            return


def _explore() -> tuple[list[Seen], list[tuple[Facts, dict]]]:
    states: dict[str, tuple[dict[str, Any], date]] = {}
    for case in load_cases():
        if "errors" not in case.output:
            states[repr((sorted(case.input.items()), case.as_of))] = (case.input, date.fromisoformat(case.as_of))
    rng = random.Random(8)
    for measure in MEASURES:
        for _ in range(WALKS_PER_MEASURE):
            for answers, as_of in _walk(measure, rng):
                states[repr((sorted(answers.items()), as_of))] = (answers, as_of)
    seen, results = [], []
    for answers, as_of in states.values():
        assessed = _assessed(answers, as_of)
        if assessed is None:
            continue
        facts, result = assessed
        results.append((facts, result))
        shown = {m["id"] for m in result["measures"]}
        for measure in MEASURES:
            if measure.id in shown:
                seen += [Seen(measure.id, check, facts) for check in measure.assess(facts).conditions]
    return seen, results


SEEN, RESULTS = _explore()
BY_KEY: dict[tuple[str, str], list[Seen]] = defaultdict(list)
for _item in SEEN:
    BY_KEY[_item.key].append(_item)
KEYS = sorted(BY_KEY)


def _of(key: tuple[str, str]) -> list[Seen]:
    return BY_KEY[key]


def _without(text: str, words: list[str]) -> str:
    """`text` with every occurrence of `words` taken out (the longer ones first)."""
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "␟")
    return text


def _statements(input_id: str) -> dict[Any, str]:
    spec = INPUTS[input_id]
    return dict(spec.statements)


def test_the_exploration_reaches_every_measure():
    assert {measure for measure, _ in KEYS} == {measure.id for measure in MEASURES}
    assert len(SEEN) > 5_000


@pytest.mark.parametrize("key", KEYS, ids=["·".join(key) for key in KEYS])
def test_every_condition_is_driven_to_each_outcome(key):
    outcomes = {item.check.outcome for item in _of(key)}
    assert outcomes == {MET, NOT_MET, UNKNOWN} - UNREACHABLE.get(key, set()), f"{key}: only {outcomes}"


@pytest.mark.parametrize("key", KEYS, ids=["·".join(key) for key in KEYS])
def test_the_words_state_the_answers_given_and_no_other(key):
    for item in _of(key):
        said = item.check.said
        for ground in said.grounds:
            if not isinstance(ground, Answer):
                continue
            value = item.facts.get(ground.input_id)
            assert value is not None and value == ground.value, (key, ground)
            spec = INPUTS[ground.input_id]
            assert spec.statement(value) in said.text, (key, said.text)
            if spec.type in (BOOL, CHOICE):
                others = [words for answer, words in spec.statements if answer != value]
                given = spec.statement(value)
                assert not any(words in _without(said.text, [given]) for words in others), (key, said.text)


@pytest.mark.parametrize("key", KEYS, ids=["·".join(key) for key in KEYS])
def test_comparison_words_are_true_of_what_they_compare(key):
    for item in _of(key):
        text = item.check.said.text
        for ground in item.check.said.grounds:
            if not isinstance(ground, Compared):
                continue
            assert ground.phrase in text and ground.word in ground.phrase, (key, text)
            assert MEANING[ground.word](ground.left, ground.right), (key, text, ground)
            assert OPPOSITE[ground.word] not in _without(ground.phrase, [ground.word]), (key, ground.phrase)


@pytest.mark.parametrize("key", KEYS, ids=["·".join(key) for key in KEYS])
def test_the_outcome_follows_the_ground_that_decides_it(key):
    outcome_of: dict[Any, set[str]] = defaultdict(set)
    for item in _of(key):
        said, outcome = item.check.said, item.check.outcome
        if outcome == UNKNOWN:
            assert said.decides is None, key
            continue
        if said.decides is None:  # met through several grounds together, or none of several categories
            continue
        assert said.decides in said.grounds and said.holds == (outcome == MET), key
        outcome_of[_signature(said.decides)].add(outcome)
    assert all(len(outcomes) == 1 for outcomes in outcome_of.values()), (key, dict(outcome_of))
    for signature, outcomes in outcome_of.items():
        if signature[0] == "compared":
            _, word, template = signature
            opposite = ("compared", OPPOSITE[word], template.replace(word, OPPOSITE[word]))
            if opposite in outcome_of:
                assert outcome_of[opposite] != outcomes, (key, signature)


def _signature(ground: Answer | Compared) -> tuple:
    """What decides a condition: an answer, or a comparison word in its phrase with the figures taken out."""
    if isinstance(ground, Answer):
        return "answer", ground.input_id, ground.value
    return "compared", ground.word, re.sub(r"[\d.,％]+", "#", ground.phrase)


@pytest.mark.parametrize("key", KEYS, ids=["·".join(key) for key in KEYS])
def test_an_open_condition_says_what_is_needed_and_a_settled_one_does_not(key):
    for item in _of(key):
        check = item.check
        assert check.text == f"{check.title}：{check.said.text}。" if check.title else f"{check.said.text}。"
        if check.outcome == UNKNOWN:
            assert "还需要" in check.said.text, (key, check.text)
            assert check.missing or not any(item.facts.ask(*_labelled(check.said.text))), (key, check.text)
        else:
            assert "还需要" not in check.said.text, (key, check.text)


def _labelled(text: str) -> list[str]:
    """The questions a text quotes by their labels."""
    return [spec.id for spec in CATALOGUE if f"“{spec.label}”" in text]


def test_no_condition_states_an_answer_that_was_not_given():
    """Black-box, over the JSON results: a yes/no or choice statement appears only for the answer given."""
    statements = [(spec.id, value, words) for spec in CATALOGUE if spec.type in (BOOL, CHOICE)
                  for value, words in spec.statements]
    for facts, result in RESULTS:
        for measure in result["measures"]:
            for condition in measure["conditions"]:
                text = condition["text"]
                given = [words for input_id, value, words in statements if facts.get(input_id) == value
                         and type(facts.get(input_id)) is type(value)]
                rest = _without(text, given)
                for input_id, value, words in statements:
                    if words not in given:
                        assert words not in rest, (measure["id"], text, input_id, value)


def test_no_result_speaks_of_now():
    """Conditions, amounts and notes speak of the judgement date, never of “now” (the date may be in the past)."""
    now = re.compile("今年|今天|现在|目前|当前|现已")
    for _, result in RESULTS:
        for measure in result["measures"]:
            amount = measure["amount"] or {}
            for text in [*(c["text"] for c in measure["conditions"]), amount.get("formula", ""), *measure["notes"]]:
                assert not now.search(text), (measure["id"], text)


def test_statements_are_distinct_and_none_holds_another():
    """So that a statement in a text can only be that answer's (the black-box test above relies on it)."""
    everything = [words for spec in CATALOGUE for _, words in spec.statements]
    assert len(everything) == len(set(everything))
    for words in everything:
        assert not re.search(r"[。；]", words)
        assert not any(words != other and words in other for other in everything), words
    for spec in CATALOGUE:
        if spec.type in (BOOL, CHOICE):
            assert {answer for answer, _ in spec.statements} == (
                {True, False} if spec.type == BOOL else {choice.value for choice in spec.choices}), spec.id


def test_a_yes_and_its_no_differ_by_a_negation():
    for spec in CATALOGUE:
        if spec.type == BOOL:
            yes, no = spec.statement(True), spec.statement(False)
            negations = re.compile("不|没|未|无")
            assert len(negations.findall(no)) > len(negations.findall(yes)), spec.id


def test_no_measure_makes_a_condition_by_hand():
    package = Path(calculator.__file__).parent
    for path in (package / "measures").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bCheck\(", source), f"{path.name} builds a Check itself"
        assert not re.search(r"\bSaid\(", source), f"{path.name} builds words without their grounds"

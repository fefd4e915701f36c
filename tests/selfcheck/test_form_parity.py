"""The page's own copy of the rules it needs before Python is ready (docs/assets/selfcheck/form.mjs), run in Node
against the Python it mirrors: which questions are asked, over every question and every value of what it waits
on, and how a date is written, over the dates where a calendar has its edges."""

from __future__ import annotations

import datetime
import json
import random
import shutil
import subprocess
from typing import Any

import pytest

import calculator
from calculator.dates import zh_date
from calculator.inputs import CHOICE, INPUTS
from calculator.validation import answers_asked
from sitebuild.paths import DOCS_DIR

FORM_MODULE = DOCS_DIR / "assets" / "selfcheck" / "form.mjs"
# Runs form.mjs on what stdin holds: {questions, answer_sets, dates} → {kept: [answers…], dates: [words…]}.
SCRIPT = """
import { chineseDate, keptAnswers } from %s;
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { questions, answer_sets, dates } = JSON.parse(input);
const kept = answer_sets.map((answers) => keptAnswers(questions, (question) => answers[question.id]));
process.stdout.write(JSON.stringify({ kept, dates: dates.map(chineseDate) }));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node to run the page's module")


def in_node(questions: list[dict], answer_sets: list[dict], dates: list[str]) -> dict[str, Any]:
    source = SCRIPT % json.dumps(FORM_MODULE.as_uri())
    done = subprocess.run(
        ["node", "--input-type=module", "-e", source], input=json.dumps(
            {"questions": questions, "answer_sets": answer_sets, "dates": dates}),
        capture_output=True, text=True, check=True, timeout=60,
    )
    return json.loads(done.stdout)


def values_of(input_id: str) -> list[Any]:
    """Every value a question a condition waits on can have (choices and yes/no), and a count for the others."""
    spec = INPUTS[input_id]
    if spec.type == CHOICE:
        return [choice.value for choice in spec.choices]
    return [True, False] if spec.type == "bool" else [0, 3]


def satisfying(input_id: str) -> dict[str, Any]:
    """Answers under which `input_id` is asked: for each input its `ask_if` names, the first allowed value, and
    what that input waits on in turn."""
    answers: dict[str, Any] = {}
    for condition, allowed in INPUTS[input_id].ask_if:
        answers |= satisfying(condition) | {condition: allowed[0]}
    return answers


def answer_sets() -> list[dict[str, Any]]:
    """For every question: the answers under which it is asked, then each input it waits on given every other
    value and none; and seeded random answers to every question (some left out)."""
    sets = []
    for spec in INPUTS.values():
        asked = satisfying(spec.id) | {spec.id: values_of(spec.id)[0]}
        sets.append(asked)
        for condition, _ in spec.ask_if:
            sets += [asked | {condition: value} for value in values_of(condition)]
            sets.append({key: value for key, value in asked.items() if key != condition})
    chance = random.Random(12)
    for _ in range(500):
        sets.append({spec.id: chance.choice(values_of(spec.id)) for spec in INPUTS.values() if chance.random() < 0.8})
    return sets


def calendar_edges() -> list[datetime.date]:
    """The first and last day of every month of a leap year and of a common one, 29 February, the notice's
    dates, and the first and last day an answer may name."""
    edges = [datetime.date(1900, 1, 1), datetime.date(2100, 12, 31), datetime.date(2021, 7, 26)]
    for year in (2020, 2021):
        for month in range(1, 13):
            first = datetime.date(year, month, 1)
            edges += [first, (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)]
    return edges


def test_the_page_asks_the_questions_python_reads() -> None:
    sets = answer_sets()
    found = in_node(calculator.catalogue(), sets, [])["kept"]
    assert len(found) == len(sets)
    differing = [(answers, kept) for answers, kept in zip(sets, found) if kept != answers_asked(answers)]
    assert not differing, differing[:3]
    hidden_somewhere = {key for answers, kept in zip(sets, found) for key in answers.keys() - kept.keys()}
    assert hidden_somewhere == {spec.id for spec in INPUTS.values() if spec.ask_if}, "every condition is exercised"


def test_the_page_writes_dates_as_python_does() -> None:
    edges = calendar_edges()
    assert in_node([], [], [day.isoformat() for day in edges])["dates"] == [zh_date(day) for day in edges]

"""Each measure declares the notice's figures, the questions and the shared concepts it uses (calculator/measure.py);
the registry and the site read those declarations. A run of every measure over every case, traced, checks them
against what the measure really reads: a figure or question read but not declared, or declared but never read,
fails, and so does a shared concept whose checks run without being declared, or declared and never run."""

from __future__ import annotations

import importlib
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest

from calculator import age_checks, employment_difficulty
from calculator.concept import Concept
from calculator.facts import Facts
from calculator.measure import Measure
from calculator.measures import MEASURES, MODULES
from calculator.parameter import Parameter
from calculator.validation import read
from cases import load_cases

CONCEPT_MODULES: tuple[ModuleType, ...] = (age_checks, employment_difficulty)


class _Recording(Facts):
    """The answers, noting every question the rule reads or asks for."""

    __slots__ = ("read",)

    def __init__(self, facts: Facts, read: set[str]) -> None:
        super().__init__(facts.values, facts.as_of)
        self.read = read
        self.get = lambda input_id: (read.add(input_id), facts.values.get(input_id))[1]

    def ask(self, *input_ids: str) -> tuple[str, ...]:
        self.read.update(input_ids)
        return super().ask(*input_ids)


@dataclass
class _Trace:
    figures: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # reader → figure ids
    inputs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # measure id → input ids
    concepts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # measure id → modules run
    reader: str | None = None

    @contextmanager
    def reading(self, reader: str) -> Iterator[None]:
        self.reader = reader
        try:
            yield
        finally:
            self.reader = None


@contextmanager
def _figure_reads(trace: _Trace) -> Iterator[None]:
    """Every read of a Parameter's value, cite or words, noted against the trace's current reader."""

    def noted(self: Parameter, name: str) -> Any:
        if name in ("value", "cite", "text") and trace.reader is not None:
            trace.figures[trace.reader].add(object.__getattribute__(self, "id"))
        return object.__getattribute__(self, name)

    Parameter.__getattribute__ = noted  # type: ignore[method-assign]
    try:
        yield
    finally:
        del Parameter.__getattribute__


def _imported(module: ModuleType, trace: _Trace) -> None:
    """Run the module's code again, in a namespace of its own, noting the figures its top level reads (the wording
    it builds once, such as （一）'s 4个月 in a note)."""
    namespace = {"__name__": module.__name__, "__package__": module.__package__}
    with trace.reading(module.__name__):
        exec(compile(Path(module.__file__).read_text(encoding="utf-8"), module.__file__, "exec"), namespace)


def _concepts_run(trace: _Trace, measure_id: str) -> Any:
    names = {module.__name__ for module in CONCEPT_MODULES}

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and (name := frame.f_globals.get("__name__")) in names:
            trace.concepts[measure_id].add(name)

    return profile


@pytest.fixture(scope="module")
def trace() -> _Trace:
    found = _Trace()
    answers = [(case.input, case.as_of) for case in load_cases() if "errors" not in case.output]
    with _figure_reads(found):
        for module in (*MODULES, *CONCEPT_MODULES):
            _imported(module, found)
        for measure in MEASURES:
            for values, as_of in answers:
                facts = _Recording(read(values, as_of), found.inputs[measure.id])
                sys.setprofile(_concepts_run(found, measure.id))
                try:
                    with found.reading(measure.id):
                        measure.evaluate(facts)
                finally:
                    sys.setprofile(None)
    return found


def _module_of(measure: Measure) -> ModuleType:
    return next(module for module in MODULES if module.MEASURE is measure)


def _concept_module(concept: Concept) -> str:
    return next(module.__name__ for module in CONCEPT_MODULES if concept in vars(module).values())


@pytest.mark.parametrize("measure", MEASURES, ids=lambda measure: measure.id)
def test_a_measure_declares_the_figures_it_reads(measure: Measure, trace: _Trace) -> None:
    concepts = measure.all_concepts()
    read = trace.figures[measure.id] | trace.figures[_module_of(measure).__name__]
    for module in {_concept_module(concept) for concept in concepts}:
        read |= {figure for figure in trace.figures[module] if any(figure in {f.id for f in c.figures}
                                                                      for c in concepts)}
    declared = {figure.id for figure in measure.uses()}
    assert read - declared == set(), "read but not declared"
    assert declared - read == set(), "declared but never read"


@pytest.mark.parametrize("measure", MEASURES, ids=lambda measure: measure.id)
def test_a_measure_declares_the_questions_it_reads(measure: Measure, trace: _Trace) -> None:
    declared = set(measure.description.inputs)
    assert trace.inputs[measure.id] - declared == set(), "read but not declared"
    assert declared - trace.inputs[measure.id] == set(), "declared but never read"
    assert len(measure.inputs) == len(set(measure.inputs)), "declared twice"


@pytest.mark.parametrize("measure", MEASURES, ids=lambda measure: measure.id)
def test_a_measure_declares_the_shared_concepts_it_runs(measure: Measure, trace: _Trace) -> None:
    assert {_concept_module(concept) for concept in measure.all_concepts()} == trace.concepts[measure.id]


def test_the_trace_sees_a_read_the_rules_make_only_when_a_module_is_imported(trace: _Trace) -> None:
    """（一）'s 4个月 is read only in the wording its module builds once, never while a case runs."""
    assert "no-application-rollout" not in trace.figures["c01"]
    assert "no-application-rollout" in trace.figures["calculator.measures.c01_job_retention_refund"]


def test_every_concept_is_declared_by_some_measure() -> None:
    declared = {concept.name for measure in MEASURES for concept in measure.all_concepts()}
    for module in CONCEPT_MODULES:
        assert {value.name for value in vars(module).values() if isinstance(value, Concept)} <= declared

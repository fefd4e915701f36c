"""What the self-check takes from each clause and attachment: the measures that implement it, their windows and
the figures they use (their public descriptions, calculator/description.py), each figure joined to the fact in
notice/ that records it (build time only).

The figures come from the calculator's registry (calculator/registry.py), each joined by its id to the fact of
notice/ it was written from (calculator/figures.py), whose label the page shows: a figure no fact declares, or a
stale calculator/figures.py, fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculator.description import Description
from calculator.registry import PARAMETERS, ParameterUse, descriptions_of_part

from .loader import NoticeDataError, Problem
from .model import Attachment, Clause, Fact, Notice


@dataclass(frozen=True)
class Figure:
    """A figure a measure uses: its words as the sentence writes them, and the fact that records it."""

    text: str
    fact: Fact


@dataclass(frozen=True)
class MeasureUse:
    """A measure as a clause or attachment page explains it."""

    title: str
    window: str  # "申请截至2021年12月31日", or what the notice leaves open
    deadline: Fact | None  # the fact of the window's last day, for its status
    figures: tuple[Figure, ...]  # this page's first, then the others in the notice's order; the opening day last


@dataclass(frozen=True)
class SelfCheckUses:
    by_part: dict[str, tuple[MeasureUse, ...]]  # part id → the measures implementing it (none: absent)
    facts: frozenset[Fact]  # every fact a figure of some measure comes from

    def of(self, part_id: str) -> tuple[MeasureUse, ...]:
        return self.by_part.get(part_id, ())


def _part_of(notice: Notice, anchor: str) -> Clause | Attachment:
    page = notice.page_of(anchor)
    return next(part for part in notice.parts if part.page == page)


def _facts_of(notice: Notice, use: ParameterUse) -> tuple[Fact, ...]:
    """The facts of the Parameter's sentence whose value holds its words: the one that declares it, and another
    that states the same words (c07's two documents extended to the same day)."""
    facts = _part_of(notice, use.cite).explanation.facts
    return tuple(fact for fact in facts if fact.cite == use.cite and use.text in fact.value)


def _joined(notice: Notice) -> dict[str, tuple[Fact, ...]]:
    """Each registered Parameter's facts, by its id. NoticeDataError lists every Parameter that no fact declares
    (a fact removed, or an id changed, since calculator/figures.py was written) or that the notice now says
    otherwise (calculator/figures.py is stale)."""
    figures = {figure.id: figure for figure in notice.figures}
    problems = []
    for use in PARAMETERS:
        figure = figures.get(use.id)
        if figure is None:
            file = (f"notice/{_part_of(notice, use.cite).page.removesuffix('.md')}.yaml"
                    if notice.has_anchor(use.cite) else "notice")
            problems.append(Problem(file, "facts", f"no fact has the id {use.id!r}, “{use.text}” of {use.cite}, "
                                                   "a figure the self-check uses"))
        elif (figure.value, figure.cite, figure.words) != (use.parameter.value, use.cite, use.text):
            problems.append(Problem("calculator/figures.py", use.id, "differs from notice/: run "
                                                                     "`.venv/bin/python -m sitebuild.figures`"))
    if problems:
        raise NoticeDataError(problems)
    return {use.id: _facts_of(notice, use) for use in PARAMETERS}


def _measure_use(notice: Notice, measure: Description, part_id: str, joined: dict[str, tuple[Fact, ...]],
                 order: dict[str, int]) -> MeasureUse:
    window = measure.window
    uses = sorted(measure.figures, key=lambda figure: (
        figure.id == window.opens.id, _part_of(notice, figure.cite).id != part_id, order[figure.cite]))
    figures = tuple(Figure(figure.text, fact) for figure in uses for fact in joined[figure.id])
    deadline = None if window.last_day is None else next(
        (fact for fact in joined[window.last_day.id] if fact.closes), None)
    return MeasureUse(measure.title, window.label, deadline, figures)


def self_check_uses(notice: Notice) -> SelfCheckUses:
    joined = _joined(notice)
    order = {sentence.id: n for n, sentence in enumerate(s for part in notice.parts for s in part.sentences)}
    by_part = {
        part.id: tuple(_measure_use(notice, measure, part.id, joined, order) for measure in descriptions_of_part(part.id))
        for part in notice.parts
    }
    return SelfCheckUses(
        by_part={part_id: uses for part_id, uses in by_part.items() if uses},
        facts=frozenset(fact for facts in joined.values() for fact in facts),
    )

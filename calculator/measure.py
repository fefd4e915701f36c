"""A measure: one computable rule of the notice, with its clause, audience and application window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .concept import Concept
from .contacts import Office, enquiry
from .dates import zh_date
from .description import Description, Window
from .facts import Facts
from .inputs import ORDER
from .parameter import ISSUE_DATE, Parameter
from .result import (
    CLOSED, ELIGIBLE, IN_SCOPE, NEED_INFO, NOT_ELIGIBLE, NOT_IN_SCOPE, NOT_MET, NOT_YET_OPEN, SCOPE_STATUS_OF_OUTCOME,
    STATUS_LABELS, STATUS_OF_OUTCOME, Assessment,
)

NO_END_DATE = "通知没有写明本项政策的截止日期，现行执行规定以经办机构为准。"


@dataclass(frozen=True, slots=True)
class Deadline:
    """The last day of a measure's window; `what` ends then (申请, 申领受理, 执行期限…)."""

    last_day: Parameter
    what: str


@dataclass(frozen=True, slots=True)
class Measure:
    """A rule, with what it declares it uses: the notice's figures and the questions its own module reads, and the
    shared concepts (calculator/concept.py) it asks about; a test traces every measure over every case against
    these declarations."""

    id: str
    clause: str
    title: str
    audiences: frozenset[str]  # values of the `asker` question this measure concerns
    assess: Callable[[Facts], Assessment]
    figures: tuple[Parameter, ...] = ()  # the ones its own module reads (its window's days are added if it does not)
    inputs: tuple[str, ...] = ()
    concepts: tuple[Concept, ...] = ()
    office: Office | None = None  # the office the notice names for this measure; None: it names none
    attachment: str | None = None  # the attachment whose items the conditions cite besides `clause` (a1, a2)
    closes: Deadline | None = None  # None: the notice states no end date, and `open_ended` says so
    open_ended: str = NO_END_DATE
    opens: Parameter = ISSUE_DATE
    scope: str = ""  # a measure that only says who is in a group (附件1, 附件2): the group, “……范围”
    met_label: str = STATUS_LABELS[ELIGIBLE]  # the words of `eligible`, where “符合条件” would say too much
    description: Description = field(init=False, repr=False, compare=False)  # what the site reads

    def __post_init__(self) -> None:
        closes = self.closes
        window = Window(self.opens, None, self.open_ended) if closes is None else Window(
            self.opens, closes.last_day, f"{closes.what}截至{zh_date(closes.last_day.value)}")
        description = Description(self.id, self.clause, self.title, self.parts, tuple(sorted(self.audiences)), window,
                                  self.uses(), self.asks(), tuple(concept.name for concept in self.all_concepts()))
        object.__setattr__(self, "description", description)  # built once: it depends on no answer

    def uses(self) -> tuple[Parameter, ...]:
        """Every figure of the notice it uses, each once: its own, its concepts', its window's last and first day."""
        concepts = tuple(figure for concept in self.all_concepts() for figure in concept.figures)
        window = (*([self.closes.last_day] if self.closes else []), self.opens)
        return tuple({figure.id: figure for figure in (*self.figures, *concepts, *window)}.values())

    def asks(self) -> tuple[str, ...]:
        """Every question it reads, each once: its own, then its concepts'."""
        return tuple(dict.fromkeys((*self.inputs, *(i for concept in self.all_concepts() for i in concept.inputs))))

    def all_concepts(self) -> tuple[Concept, ...]:
        """The concepts it declares and those they rest on, each once."""
        return tuple({c.name: c for concept in self.concepts for c in concept.closure()}.values())

    @property
    def parts(self) -> tuple[str, ...]:
        """The clause and attachment this measure implements: every condition cites a sentence of one of them."""
        return (self.clause,) if self.attachment is None else (self.clause, self.attachment)

    def evaluate(self, facts: Facts) -> dict[str, Any]:
        """This measure's entry of the result (see the contract in calculator/__init__.py)."""
        found = self.assess(facts)
        outcome = found.verdict.outcome
        window = self.description.window
        opening = window.status_on(facts.as_of)
        if opening == NOT_YET_OPEN:
            status, label = NOT_YET_OPEN, f"尚未实施（本通知自{zh_date(window.opens.value)}起实施）"
        elif (last_day := window.last_day) is not None and opening == CLOSED:
            status, label = CLOSED, f"已于{zh_date(last_day.value)}截止"
        elif self.scope:
            status = SCOPE_STATUS_OF_OUTCOME[outcome]
            label = {IN_SCOPE: f"属于{found.scope or self.scope}", NOT_IN_SCOPE: f"不属于{self.scope}",
                     NEED_INFO: STATUS_LABELS[NEED_INFO]}[status]
        else:
            status = STATUS_OF_OUTCOME[outcome]
            label = self.met_label if status == ELIGIBLE else STATUS_LABELS[status]
        asked = found.verdict.missing + found.refine
        missing = () if outcome == NOT_MET or not asked else tuple(sorted(set(asked), key=ORDER.__getitem__))
        return {
            "id": self.id,
            "clause": self.clause,
            "title": self.title,
            "status": status,
            "status_label": label,
            "window": None if window.last_day is None else {"closes": window.last_day.value.isoformat(),
                                                            "label": window.label},
            "amount": None if found.amount is None or outcome == NOT_MET else found.amount.as_json(),
            "figures": found.figures,
            "conditions": [check.as_json() for check in found.conditions],
            "missing": list(missing),
            "next_step": self._next_step(status, found, missing),
            "office": None if self.office is None else self.office.as_json(),
            "notes": found.notes if self.closes is not None else [*found.notes, self.open_ended],
        }

    def _next_step(self, status: str, found: Assessment, missing: tuple[str, ...]) -> str:
        ask = enquiry(self.office)
        if status in (ELIGIBLE, IN_SCOPE):
            return f"{found.apply.rstrip('。')}；{ask}。"
        if status == NEED_INFO:  # the questions themselves are in `missing`, shown once beside this
            first = "补充“还需回答”所列的信息后，即可重新判断" if missing else "按现有回答还不能判断"
            return f"{first}；情况不清楚的，{ask}。"
        if status == NOT_ELIGIBLE:
            return f"按通知所列条件，在判断日期不符合。如情况有变化或有疑问，{ask}。"
        if status == NOT_IN_SCOPE:
            return f"按通知所列的人员范围，不属于这一范围。如情况有变化或有疑问，{ask}。"
        if status == CLOSED and self.closes is not None:
            return (f"本项政策已于{zh_date(self.closes.last_day.value)}截止，判断日期已在截止日期之后，"
                    f"不能再按本通知申请；如有疑问，{ask}。")
        return f"本通知自{zh_date(self.opens.value)}起实施，届时才能按本通知申请。"

"""The shape of what `evaluate` returns: condition outcomes, statuses, amounts, figures.

Money leaves as JSON numbers in 元 rounded to 0.01 (an int when whole): an upper bound 「不超过」 is rounded
down so it never exceeds the notice's limit, an estimate or exact amount half-up.

Figures are the machine-readable part of a measure's result, for programs (the caseworkers' batch) that would
otherwise have to read numbers out of the Chinese wording. `figures` is a JSON object, name → number, true/false
or null, holding only what the measure's own rule works out from the answers and states nowhere else as data:

- every result of a measure has the same names, null where the answers do not settle the figure;
- a measure that works out nothing beyond its conditions and amount has `{}`;
- a rate is a fraction as a JSON number (0.06 for 6％), rounded as the wording beside it shows it (half-up to
  two decimals of a percentage, more where that would read as the limit: calculator/wording.py), so the two
  always agree;
- money is never repeated here: the amount is `amount.value`;
- figures describe the answers whatever the as-of date (a closed measure still has them).

The figures of each measure are listed in its module's docstring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple, TypeAlias

from .wording import CENT

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"

ELIGIBLE, NOT_ELIGIBLE, NEED_INFO, CLOSED, NOT_YET_OPEN = (
    "eligible", "not_eligible", "need_info", "closed", "not_yet_open",
)
IN_SCOPE, NOT_IN_SCOPE = "in_scope", "not_in_scope"
"""The statuses of a measure that only says who is in a group (附件1, 附件2): never “符合条件”."""
STATUS_OF_OUTCOME = {MET: ELIGIBLE, NOT_MET: NOT_ELIGIBLE, UNKNOWN: NEED_INFO}
SCOPE_STATUS_OF_OUTCOME = {MET: IN_SCOPE, NOT_MET: NOT_IN_SCOPE, UNKNOWN: NEED_INFO}
STATUS_LABELS = {ELIGIBLE: "符合条件", NOT_ELIGIBLE: "不符合条件", NEED_INFO: "需要更多信息"}
FIGURE_OF_OUTCOME = {MET: True, NOT_MET: False, UNKNOWN: None}
"""A yes/no figure from an outcome."""

UPPER, EXACT, ESTIMATE = "upper", "exact", "estimate"

Figure: TypeAlias = float | int | bool | None
"""One of a measure's figures, ready for JSON: a number, true/false or null."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a set of conditions holds; `missing` names the questions that would settle it."""

    outcome: str
    missing: tuple[str, ...] = ()


class Answer(NamedTuple):
    """A ground of a condition's words: they state this answer, in the catalogue's own statement of it."""

    input_id: str
    value: Any


class Compared(NamedTuple):
    """A ground of a condition's words: `word` says how `left` stands to `right` (e.g. 裁员率 “不高于” 6％), in
    the words `phrase`."""

    left: Any
    word: str
    right: Any
    phrase: str


Ground: TypeAlias = Answer | Compared


@dataclass(frozen=True, slots=True)
class Said:
    """Words of a condition with what they rest on: the answers they state and the comparisons they make.

    `decides`, when set, is the ground whose truth settles the condition, and `holds` whether it is met; the
    checks of calculator/checks.py build a condition's outcome from `holds` and its words from the same ground,
    so the two cannot disagree.
    """

    text: str
    grounds: tuple[Ground, ...] = ()
    decides: Ground | None = None
    holds: bool | None = None

    def __add__(self, other: Said | str) -> Said:
        return Said.join(self, other)

    def __radd__(self, other: str) -> Said:
        return Said.join(other, self)

    @staticmethod
    def join(*parts: Said | str) -> Said:
        """The parts' words one after another, with all their grounds (at most one of them deciding)."""
        text: list[str] = []
        grounds: list[Ground] = []
        decides, holds = None, None
        for part in parts:
            if isinstance(part, str):
                text.append(part)
                continue
            text.append(part.text)
            grounds += part.grounds
            if part.decides is not None:
                if decides is not None:
                    raise ValueError("a condition's words rest on one deciding ground")
                decides, holds = part.decides, part.holds
        return Said("".join(text), tuple(grounds), decides, holds)

    def aside(self) -> Said:
        """The same words as context: they rest on their grounds but do not decide the condition."""
        return Said(self.text, self.grounds)


@dataclass(frozen=True, slots=True)
class Check:
    """One condition as the resident reads it: `title` (the condition, in the notice's words) and `said` (what
    the answers show), its outcome and the sentence it comes from.

    Checks are built by calculator/checks.py and calculator/age_checks.py only, from the answers and
    comparisons that decide them (see `Said`); `missing` names the questions that would settle an unknown one.
    """

    title: str
    said: Said
    outcome: str
    cite: str
    missing: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        said = self.said.text.rstrip("。")
        return f"{self.title}：{said}。" if self.title else f"{said}。"

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "outcome": self.outcome, "cite": self.cite}


VERDICT_MET, VERDICT_NOT_MET = Verdict(MET), Verdict(NOT_MET)  # immutable, so shared


def all_of(*parts: Check | Verdict) -> Verdict:
    """Met when every part is met; not met as soon as one is not met; otherwise unknown."""
    outcomes = {part.outcome for part in parts}
    if NOT_MET in outcomes:
        return VERDICT_NOT_MET
    return _unknown(parts) if UNKNOWN in outcomes else VERDICT_MET


def any_of(*parts: Check | Verdict) -> Verdict:
    """Met as soon as one part is met; not met when every part is not met; otherwise unknown."""
    outcomes = {part.outcome for part in parts}
    if MET in outcomes:
        return VERDICT_MET
    return _unknown(parts) if UNKNOWN in outcomes else VERDICT_NOT_MET


def _unknown(parts: tuple[Check | Verdict, ...]) -> Verdict:
    """Unknown, missing the questions of the parts that are unknown."""
    missing: dict[str, None] = {}
    for part in parts:
        if part.outcome == UNKNOWN:
            missing.update(dict.fromkeys(part.missing))
    return Verdict(UNKNOWN, tuple(missing))


def shown(checks: list[Check]) -> list[Check]:
    """Of alternative routes, the ones met if any is; otherwise all (so the resident sees what was tried)."""
    met = [check for check in checks if check.outcome == MET]
    return met or checks


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal | int
    unit: str
    bound: str  # UPPER (不超过), EXACT, or ESTIMATE
    formula: str

    def as_json(self) -> dict[str, Any]:
        value = Decimal(self.value).quantize(CENT, rounding=ROUND_FLOOR if self.bound == UPPER else ROUND_HALF_UP)
        number: int | float = int(value) if value == value.to_integral_value() else float(value)
        return {"value": number, "unit": self.unit, "bound": self.bound, "formula": self.formula}


@dataclass(slots=True)
class Assessment:
    """What a measure module finds: the verdict on its conditions and everything shown with it.

    `refine` names unanswered questions that would not change the verdict but would give the amount or the
    next step; `apply` is the next step once the conditions are met and the window is open; `figures` are the
    measure's figures (see the module docstring), always the same names for a measure; `scope`, for a measure
    that only says who is in a group, names the group the answers put the person in (“就业困难人员范围”),
    when it is narrower than the measure's own.
    """

    verdict: Verdict
    conditions: list[Check]
    apply: str
    amount: Amount | None = None
    notes: list[str] = field(default_factory=list)
    refine: tuple[str, ...] = ()
    figures: dict[str, Figure] = field(default_factory=dict)
    scope: str = ""

"""How conditions are built: every condition's words come from the answer or comparison that decides it.

A condition on an answer says the answer in the catalogue's own statement of it (`stated`); a condition on a
number or a date says how the two stand with the word of a `Relation` chosen by the same comparison that sets
the outcome (`Relation.said`). `condition` turns such words into a Check whose outcome is whether the deciding
ground holds, so the text of a condition can state its answer and its outcome, and nothing else. The measures
build their conditions only through these functions (tests/calculator/test_condition_sentences.py checks both
this and the words of every condition).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .facts import Facts
from .inputs import INPUTS
from .parameter import Parameter
from .result import MET, NOT_MET, UNKNOWN, Answer, Check, Compared, Said, all_of, any_of


@dataclass(frozen=True, slots=True)
class Relation:
    """A comparison and the words that say it: `word` when it holds, `negation` when it does not."""

    word: str
    negation: str
    test: Callable[[Any, Any], bool]

    def said(self, left: Any, right: Any, before: str = "", after: str | tuple[str, str] = "") -> Said:
        """`before`, the word for how `left` stands to `right`, then `after` (or, given a pair, its first part
        when the comparison holds and its second when it does not); the comparison decides the words."""
        holds = self.test(left, right)
        word = self.word if holds else self.negation
        tail = after if isinstance(after, str) else after[0 if holds else 1]
        phrase = f"{before}{word}{tail}"
        ground = Compared(left, word, right, phrase)
        return Said(phrase, (ground,), ground, holds)


# Numbers
AT_MOST = Relation("不超过", "超过", operator.le)
RATE_AT_MOST = Relation("不高于", "高于", operator.le)
AT_LEAST = Relation("达到", "不足", operator.ge)
FULL = Relation("满", "不满", operator.ge)
UNDER = Relation("不足", "不少于", operator.lt)
# Days: the judgement date against a day (“判断日期已到该日”), or one day against another
REACHED = Relation("已到", "未到", operator.ge)
NOT_REACHED = Relation("未到", "已到", operator.lt)
PASSED = Relation("已过", "未过", operator.gt)
NOT_PASSED = Relation("未过", "已过", operator.le)
NOT_BEFORE = Relation("不早于", "早于", operator.ge)
NOT_AFTER = Relation("不晚于", "晚于", operator.le)


def stated(facts: Facts, input_id: str, meets: Collection[Any] | None = None) -> Said:
    """The answer given, in the catalogue's statement of it; with `meets`, deciding: it holds when the answer is
    one of `meets`. The answer must be known."""
    value = facts.get(input_id)
    return _said(input_id, value, None if meets is None else value in meets)


def _said(input_id: str, value: Any, holds: bool | None) -> Said:
    ground = Answer(input_id, value)
    return Said(INPUTS[input_id].statement(value), (ground,), None if holds is None else ground, holds)


def condition(title: str, cite: str, said: Said) -> Check:
    """A condition met when the deciding ground of `said` holds."""
    if said.holds is None:
        raise ValueError(f"{title}: the words of a condition need a ground that decides it")
    return Check(title, said, MET if said.holds else NOT_MET, cite)


def answer(facts: Facts, input_id: str, meets: Collection[Any], cite: str, title: str = "") -> Check:
    """A condition on one answer, met when it is one of `meets`: “失业补助金只能申领享受一次：您以前没有领取过
    失业补助金。”"""
    value = facts.get(input_id)
    if value is None:
        return unknown(facts, title, cite, input_id)
    return _answered(input_id, value, value in meets, cite, title)


@lru_cache(maxsize=1024)
def _answered(input_id: str, value: Any, holds: bool, cite: str, title: str) -> Check:
    """The same answer to the same condition is the same (immutable) Check: built once. Yes/no and choice
    answers only, so there are few."""
    return condition(title, cite, _said(input_id, value, holds))


def counted(facts: Facts, input_id: str, relation: Relation, limit: Parameter, unit: str, cite: str,
            title: str) -> Check:
    """A condition on a number the person gives, against a figure of the notice: “您累计缴纳失业保险费15个月，满12个月”."""
    value = facts.get(input_id)
    if value is None:
        return unknown(facts, title, cite, input_id)
    return condition(title, cite, stated(facts, input_id).aside() + relation.said(
        value, limit.value, "，", f"{limit.value}{unit}"))


def unknown(facts: Facts, title: str, cite: str, *input_ids: str, need: str = "") -> Check:
    """A condition still open: the questions that would settle it are asked next. `need` says what is needed
    where naming the one question would not do."""
    return Check(title, _needed(input_ids, need), UNKNOWN, cite, facts.ask(*input_ids))


@lru_cache(maxsize=256)
def _needed(input_ids: tuple[str, ...], need: str) -> Said:
    return Said(need or "还需要回答" + "、".join(f"“{INPUTS[input_id].label}”" for input_id in input_ids))


def in_turn(*steps: Callable[[], Check]) -> list[Check]:
    """Conditions checked in order, stopping after the first that is not met (later ones no longer matter
    and are often not even asked)."""
    checks = []
    for step in steps:
        check = step()
        checks.append(check)
        if check.outcome == NOT_MET:
            break
    return checks


def combined(title: str, cite: str, parts: list[Check]) -> Check:
    """Several conditions shown as one line under `title`, in the words of their `said` (their own titles are
    left out): the one that fails, which decides the whole; or all of them, met and still open."""
    verdict = all_of(*parts)
    relevant = [p for p in parts if p.outcome == NOT_MET][:1] if verdict.outcome == NOT_MET else parts
    pieces: list[Said | str] = []
    for part in relevant:
        pieces += ["；", part.said.aside()] if pieces else [part.said.aside()]
    said = Said.join(*pieces)
    if verdict.outcome == NOT_MET:
        said = Said(said.text, said.grounds, relevant[0].said.decides, relevant[0].said.holds)
    return Check(title, said, verdict.outcome, cite, verdict.missing)


def among(title: str, cite: str, categories: list[Check], group: str) -> Check:
    """Whether the person is in one of several categories (each a condition), as one line: the category met,
    or that none is, or that more answers are needed."""
    verdict = any_of(*categories)
    if verdict.outcome == MET:
        met = next(check for check in categories if check.outcome == MET)
        return Check(title, f"属于其中的“{met.title}”，" + met.said.aside(), MET, cite)
    if verdict.outcome == NOT_MET:
        return Check(title, Said(f"不属于{group}中的任何一类"), NOT_MET, cite)
    return Check(title, Said(f"还需要更多回答，才能判断是否属于{group}"), UNKNOWN, cite, verdict.missing)

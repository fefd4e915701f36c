"""Building blocks for conditions on single answers, and for putting conditions together."""

from __future__ import annotations

from collections.abc import Callable, Collection

from .facts import Facts
from .inputs import INPUTS
from .result import MET, NOT_MET, UNKNOWN, Check, all_of


def _titled(title: str, text: str) -> str:
    return f"{title}：{text}" if title else text


def flag(facts: Facts, input_id: str, cite: str, yes: str, no: str, title: str = "", *,
         met_when: bool = True) -> Check:
    """A yes/no answer, shown as `yes` (answered 是) or `no` (否); met when the answer is `met_when`."""
    value = facts.get(input_id)
    if value is None:
        return unknown(facts, input_id, cite, title)
    return Check(_titled(title, yes if value else no), MET if value == met_when else NOT_MET, cite)


def one_of(facts: Facts, input_id: str, allowed: Collection[str], cite: str, yes: str, no: str,
           title: str = "") -> Check:
    """A choice that must be one of `allowed`; `{label}` in `yes` or `no` is the chosen answer's label."""
    value = facts.get(input_id)
    if value is None:
        return unknown(facts, input_id, cite, title)
    label = INPUTS[input_id].choice_label(value)
    if value in allowed:
        return Check(_titled(title, yes.format(label=label)), MET, cite)
    return Check(_titled(title, no.format(label=label)), NOT_MET, cite)


def unknown(facts: Facts, input_id: str, cite: str, title: str = "") -> Check:
    return Check(_titled(title, f"还需要回答“{INPUTS[input_id].label}”"), UNKNOWN, cite, facts.ask(input_id))


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
    """Several conditions shown as one line: the one that fails, the ones still open, or all when met."""
    verdict = all_of(*parts)
    relevant = {NOT_MET: [p for p in parts if p.outcome == NOT_MET][:1],
                UNKNOWN: [p for p in parts if p.outcome == UNKNOWN],
                MET: parts}[verdict.outcome]
    return Check(f"{title}：" + "；".join(p.text.rstrip("。") for p in relevant) + "。", verdict.outcome, cite,
                 verdict.missing)

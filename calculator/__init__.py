"""The rules of 葫人社发〔2021〕2号 as a pure-Python package (standard library only; CPython 3.11+ and Pyodide).

    evaluate(answers, as_of=None, measures=None) -> dict
    catalogue() -> list[dict]
    InputError  (.errors: [{"field", "message"}])

`answers` maps input ids of the catalogue to answers (dates "YYYY-MM-DD", money in 元, counts as ints; an unknown
answer is absent or None). The result, JSON-serialisable:

    {"as_of": "YYYY-MM-DD",
     "measures": [{"id", "clause", "title", "status", "status_label",
                   "window": {"closes", "label"} | None,
                   "amount": {"value", "unit", "bound": "upper" | "exact" | "estimate", "formula"} | None,
                   "figures": {name: number | bool | None, ...},
                   "conditions": [{"text", "outcome": "met" | "not_met" | "unknown", "cite"}],
                   "missing": [input id, ...], "next_step": str, "office": str, "notes": [str, ...]}, ...],
     "guidance": [{"clause", "cite", "text"}, ...]}

status is one of eligible, in_scope, need_info, not_eligible, not_in_scope, closed, not_yet_open. The measures
that only say who is in a group (a1 = 附件1, a2 = 附件2) are in_scope / not_in_scope (status_label “属于……范围” /
“不属于……范围”), never eligible / not_eligible. Each condition's text is “<the condition>：<what the answers
show>。”, built from the very answer or comparison that sets its outcome (calculator/checks.py). `missing` lists
the questions to answer next (each one the form shows now) that would settle the conditions or give the amount;
`next_step` does not repeat them. `office` is the office the notice names for the measure (where to apply or ask).
`figures` holds what the measure's rule works out as data (name → number, true/false or null; `{}` for most
measures; see calculator/result.py). `measures` (a list of measure ids) limits the result to those measures;
guidance, which is about the clauses no measure computes, is then empty.

The figures the rules take from the notice are `Parameter`s (calculator/parameter.py), each with the sentence it
cites and its words there, read from calculator/figures.py (written from the facts of notice/); `calculator.registry.PARAMETERS` lists every one with the measures that use it, and
`calculator.registry.measures_of_part(part_id)` the measures that implement a clause or attachment. What a
measure uses and when it applies is its public description (`Measure.description`, calculator/description.py:
window, figures, sentences; `calculator.registry.descriptions_json()` as plain data), which the site's clause
pages read (`evaluate` does not import the registry).
"""

from .evaluation import evaluate
from .inputs import catalogue
from .validation import InputError

__all__ = ["InputError", "catalogue", "evaluate"]

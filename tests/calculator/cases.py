"""Named scenario cases, readable by a policy officer, in the style of OpenFisca's YAML tests, laid out as the
rules are: `cases/<measure id>/<who>.yaml` holds the cases about one measure (the first in their `measures`),
for one kind of person or unit; `cases/inputs/` the cases about bad input. The Python tests run them; the
browser parity test runs the same cases in Pyodide.

A file holds a list of cases:

    - name: 中小微企业，裁员率不高于6％        # what the case shows, in Chinese
      as_of: 2021-09-01                       # the date the answers are judged on
      input: {asker: unit, ...}               # answers by catalogue id (dates may be written bare)
      output:                                 # the expected result: only what is listed is compared
        measures:
          c01: {status: eligible, amount: 7407.4, missing: [], figures: {no_application: true}}
        shown: [c01, c05, c07, c15]           # optional: exactly these measures appear, in this order
        guidance: [c02-1, c18-5]              # optional: exactly these guidance citations, in this order
        errors: [layoffs_last_year]           # instead of the above: evaluate raises InputError on these fields

Per measure the keys compared are any of: status, label (the status as worded), amount (the amount's value,
or null), bound, unit, missing, outcomes (each condition's outcome, in order), figures (only the figures
listed, by name; true/false never equals 1/0), says (words that must appear in what the card shows: its status,
conditions, amount, next step and notes).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).parent / "cases"
INPUT_CASES = "inputs"  # the folder of cases about bad input, which concern no measure
MEASURE_KEYS = {"status", "label", "amount", "bound", "unit", "missing", "outcomes", "figures", "says"}


@dataclass(frozen=True)
class Case:
    name: str
    as_of: str
    input: dict[str, Any]
    output: dict[str, Any]
    file: str  # relative to CASES_DIR: c01/employers.yaml


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def load_cases() -> list[Case]:
    """Every case of every file, in file order."""
    cases = []
    for path in sorted(CASES_DIR.glob("*/*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(Case(
                name=entry["name"],
                as_of=_plain(entry["as_of"]),
                input={key: _plain(value) for key, value in (entry.get("input") or {}).items()},
                output=entry["output"],
                file=path.relative_to(CASES_DIR).as_posix(),
            ))
    return cases


def run(case: Case) -> dict[str, Any]:
    """The case through the Python calculator: its result, or {"errors": [...]} for invalid input."""
    import calculator

    try:
        return calculator.evaluate(case.input, case.as_of)
    except calculator.InputError as error:
        return {"errors": error.errors}


def mismatches(case: Case, actual: dict[str, Any]) -> list[str]:
    """How `actual` (a result, or {"errors": [...]}) differs from what the case expects; empty if it does not."""
    expected = case.output
    if "errors" in expected:
        fields = [error["field"] for error in actual.get("errors", [])]
        return [] if fields == expected["errors"] else [f"error fields {fields}, expected {expected['errors']}"]
    if "errors" in actual:
        return [f"unexpected input errors: {actual['errors']}"]
    problems = []
    found = {measure["id"]: measure for measure in actual["measures"]}
    if "shown" in expected and list(found) != expected["shown"]:
        problems.append(f"measures shown {list(found)}, expected {expected['shown']}")
    if "guidance" in expected:
        cites = [item["cite"] for item in actual["guidance"]]
        if cites != expected["guidance"]:
            problems.append(f"guidance {cites}, expected {expected['guidance']}")
    for measure_id, want in (expected.get("measures") or {}).items():
        unknown_keys = set(want) - MEASURE_KEYS
        if unknown_keys:
            problems.append(f"{measure_id}: unknown keys in the case: {sorted(unknown_keys)}")
        got = found.get(measure_id)
        if got is None:
            problems.append(f"{measure_id}: not in the result")
            continue
        amount = got["amount"] or {}
        observed = {
            "status": got["status"],
            "label": got["status_label"],
            "amount": amount.get("value"),
            "bound": amount.get("bound"),
            "unit": amount.get("unit"),
            "missing": got["missing"],
            "outcomes": [condition["outcome"] for condition in got["conditions"]],
        }
        for key in sorted(set(want) & MEASURE_KEYS - {"figures", "says"}):
            if observed[key] != want[key]:
                problems.append(f"{measure_id}.{key} is {observed[key]!r}, expected {want[key]!r}")
        for name, value in want.get("figures", {}).items():
            figure = got["figures"].get(name, "absent")
            if figure != value or isinstance(figure, bool) != isinstance(value, bool):
                problems.append(f"{measure_id}.figures.{name} is {figure!r}, expected {value!r}")
        shown = _shown_text(got)
        problems += [f"{measure_id} does not say “{words}”" for words in want.get("says", []) if words not in shown]
    return problems


def _shown_text(measure: dict[str, Any]) -> str:
    """Everything a measure's card says, one line each."""
    amount = measure["amount"] or {}
    return "\n".join([measure["status_label"], *(c["text"] for c in measure["conditions"]), amount.get("formula", ""),
                      measure["next_step"], *measure["notes"]])

"""The self-check's bridge from the Web Worker to `calculator`: JSON text in, JSON text out.

The worker runs this file once in Pyodide after installing the calculator wheel, then calls
`evaluate_json` for every request. Passing JSON text both ways means the page receives exactly the
JSON that `calculator.evaluate` returns in CPython, with no proxy conversion in between.
"""

import json

import calculator


def evaluate_json(answers_json: str, as_of: str | None) -> str:
    """`{"result": ...}` from `calculator.evaluate`, or `{"errors": [...]}` when the answers are bad."""
    try:
        result = calculator.evaluate(json.loads(answers_json), as_of)
    except calculator.InputError as error:
        return json.dumps({"errors": error.errors}, ensure_ascii=False)
    return json.dumps({"result": result}, ensure_ascii=False)

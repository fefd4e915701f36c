"""Benchmark of `calculator.evaluate`: microseconds per call for the batch mode's c01-only call and for a full
self-check evaluation (every measure), on a few representative answer sets.

    .venv/bin/python bench/evaluate.py [--calls 20000]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import calculator  # noqa: E402

AS_OF = "2021-09-01"
SME = {"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "insured_staff_last_year": 100,
       "layoffs_last_year": 6, "insured_at_end_of_2020": 150, "uic_paid_last_year": 12345.67}
SCENARIOS = {
    "c01 only, SME (batch mode)": (SME, ["c01"]),
    "c01 only, nothing answered": ({"asker": "unit"}, ["c01"]),
    "every measure, SME": (SME, None),
    "every measure, individual, nothing answered": ({"asker": "individual"}, None),
    "every measure, individual near retirement": (
        {"asker": "individual", "birth_date": "1966-09-01", "sex": "male", "employment_status": "not_working",
         "registered_unemployed": True, "household_urban": True, "household_able_members": 2,
         "household_members_working": 0, "household_members_with_business_income": 0}, None),
}


def per_call(answers: dict, measures: list[str] | None, calls: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(calls):
            calculator.evaluate(answers, AS_OF, measures=measures)
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    calls = parser.parse_args().calls
    print(f"Python {platform.python_version()} on {platform.machine()}, best of 3 × {calls} calls")
    for name, (answers, measures) in SCENARIOS.items():
        micros = per_call(answers, measures, calls)
        print(f"{name:48} {micros:8.1f} µs/call  {1e6 / micros:10,.0f} calls/s")


if __name__ == "__main__":
    main()

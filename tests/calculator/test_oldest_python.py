"""The rules on the oldest CPython they support (pyproject's requires-python), beside the build's own Python: every
scenario case and the command line once, in a plain interpreter that sees the standard library only."""

from __future__ import annotations

import glob
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from cases import load_cases, mismatches, run

ROOT = Path(__file__).resolve().parents[2]
REQUIRES_PYTHON = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
OLDEST = tuple(int(part) for part in re.fullmatch(r">=(\d+)\.(\d+)", REQUIRES_PYTHON).groups())
# -E ignores PYTHON* variables, -S the site module (so no site-packages: the standard library only), -B writes no
# bytecode into the work tree.
PLAIN = ("-E", "-S", "-B")
EVALUATE_EVERY_CASE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import calculator
results = []
for case in json.load(sys.stdin):
    try:
        results.append(calculator.evaluate(case["input"], case["as_of"]))
    except calculator.InputError as error:
        results.append({"errors": error.errors})
json.dump({"version": list(sys.version_info[:2]), "results": results}, sys.stdout, ensure_ascii=False)
"""


def _version(python: str) -> tuple[int, int] | None:
    try:
        run = subprocess.run([python, *PLAIN, "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    major, minor = run.stdout.split()
    return int(major), int(minor)


def oldest_python() -> str | None:
    """A CPython of the oldest supported version: `python3.11` on PATH, else pyenv's; None if there is none."""
    version = f"{OLDEST[0]}.{OLDEST[1]}"
    pyenv = sorted(glob.glob(str(Path.home() / f".pyenv/versions/{version}.*/bin/python{version}")))
    candidates = [shutil.which(f"python{version}"), *pyenv]
    return next((python for python in candidates if python and _version(python) == OLDEST), None)


@pytest.fixture(scope="module")
def python() -> str:
    found = oldest_python()
    if found is None:
        pytest.skip(f"no Python {OLDEST[0]}.{OLDEST[1]} on this machine (python{OLDEST[0]}.{OLDEST[1]} or pyenv's)")
    return found


def test_the_build_runs_on_a_newer_python_than_the_oldest_the_rules_support() -> None:
    assert sys.version_info[:2] >= (3, 12) > OLDEST, "setup.sh builds .venv on Python 3.12 or later"


def test_every_scenario_case_gives_the_same_result_on_the_oldest_python(python: str) -> None:
    cases = load_cases()
    process = subprocess.run(
        [python, *PLAIN, "-c", EVALUATE_EVERY_CASE, str(ROOT)],
        input=json.dumps([{"input": case.input, "as_of": case.as_of} for case in cases]),
        capture_output=True, text=True, timeout=300, check=True,
    )
    output = json.loads(process.stdout)
    assert tuple(output["version"]) == OLDEST
    assert len(output["results"]) == len(cases) >= 20
    for case, result in zip(cases, output["results"], strict=True):
        assert mismatches(case, result) == [], case.name
        assert result == json.loads(json.dumps(run(case))), case.name  # and exactly what the build's Python gives


def test_the_command_line_runs_on_the_oldest_python(python: str, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme",
                                   "insured_staff_last_year": 120, "layoffs_last_year": 6,
                                   "insured_at_end_of_2020": 150, "uic_paid_last_year": 86400}), encoding="utf-8")
    arguments = ["-m", "calculator", str(answers), "--as-of", "2021-09-01"]
    oldest = subprocess.run([python, *PLAIN, *arguments], cwd=ROOT, capture_output=True, timeout=60, check=True)
    current = subprocess.run([sys.executable, *arguments], cwd=ROOT, capture_output=True, timeout=60, check=True)
    assert "失业保险稳岗返还（c01）" in oldest.stdout.decode("utf-8")
    assert oldest.stdout == current.stdout

"""The linter and the type checker over the rules and the build (their settings: pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from sitebuild.paths import PROJECT_ROOT

CHECKED = ["calculator", "sitebuild", "build.py"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=PROJECT_ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run("mypy", "--no-incremental", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr

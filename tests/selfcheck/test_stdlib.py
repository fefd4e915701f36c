"""The self-check's trimmed standard library (sitebuild/stdlib.py): what the trace inside the pinned Pyodide
finds, what the archive holds, where the site serves it and how the build caches it. The browser tests run
every scenario case on it (test_selfcheck_scenarios.py) and its fallback (tests/hosting/test_stdlib_fallback.py).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from sitebuild import selfcheck, stdlib
from sitebuild.lockfile import LOCK_FILE, locked_wheel
from sitebuild.paths import PROJECT_ROOT
from sitebuild.wheel import Distribution

FULL = selfcheck.PYODIDE_PACKAGE / stdlib.FULL_ARCHIVE


@pytest.fixture(scope="module")
def locked() -> dict[str, bytes]:
    distribution = Distribution.from_pyproject(PROJECT_ROOT / "pyproject.toml")
    return locked_wheel(distribution, selfcheck.PYODIDE_PACKAGE / LOCK_FILE)


@pytest.fixture(scope="module")
def traced(locked: dict[str, bytes]) -> list[str]:
    """The trace itself, run afresh (under Node, in the pinned Pyodide)."""
    return stdlib.traced_modules(selfcheck.PYODIDE_PACKAGE, locked, stdlib.trace_calls())


@pytest.fixture(scope="module")
def served(built_site: Path) -> Path:
    form = json.loads((built_site / selfcheck.FORM).read_text(encoding="utf-8"))
    return ((built_site / selfcheck.FORM).parent / form["stdlib"]).resolve()


def test_the_trace_sees_pyodides_start_the_rules_and_the_bridge(traced: list[str]) -> None:
    # Pyodide's start (its package loader included) and snapshots; unpacking the wheel; the rules and what they
    # import; the bridge's json.
    assert {"encodings", "_pyodide", "pyodide._package_loader", "pyodide._state", "shutil", "zipfile", "calculator",
            "decimal", "fractions", "dataclasses", "datetime", "json", "json.decoder", "re"} <= set(traced)


def test_the_trace_runs_every_scenario_case() -> None:
    calls = stdlib.trace_calls()
    cases = stdlib.scenario_cases()
    assert len(cases) > 100 and len(calls) == len(cases) + len(stdlib.EXTRA_CALLS)
    assert calls[0] == (json.dumps(cases[0].input, ensure_ascii=False), cases[0].as_of)
    assert ("{}", None) in calls  # the page's call without a date


def test_the_served_archive_holds_every_traced_module_of_the_standard_library(served: Path, traced: list[str]) -> None:
    with zipfile.ZipFile(FULL) as full:
        names = set(full.namelist())
        expected = stdlib.members_for(traced, names)
        with zipfile.ZipFile(served) as archive:
            assert archive.namelist() == expected
            for info in archive.infolist():
                assert info.compress_type == zipfile.ZIP_STORED, info.filename  # Brotli compresses across files
                assert archive.read(info) == full.read(info.filename), info.filename  # Pyodide's own sources
    # Every traced module that the full archive has, each with its package.
    for module in traced:
        stem = module.replace(".", "/")
        if f"{stem}.py" in names or f"{stem}/__init__.py" in names:
            assert f"{stem}.py" in expected or f"{stem}/__init__.py" in expected, module
    assert "calculator/__init__.py" not in expected and "json/__init__.py" in expected and "json/" in expected
    assert len(expected) < len(names) / 2


def test_the_archive_is_named_for_its_content_outside_the_wheels_directory(built_site: Path, served: Path) -> None:
    # A changed rule that imports nothing new changes the wheel's directory, not the archive's URL.
    assert served.parent == (built_site / "assets" / "calculator").resolve()
    assert served.name == f"python_stdlib-{hashlib.sha256(served.read_bytes()).hexdigest()[:16]}.zip"
    assert served.with_name(served.name + ".br").is_file()  # stored members: the Brotli copy is what travels


def test_a_build_without_changes_takes_the_archive_from_the_cache(
    locked: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stdlib, "traced_modules", lambda *_: ["json", "json.decoder"])
    name, data = stdlib.trimmed_stdlib(selfcheck.PYODIDE_PACKAGE, locked, cache_dir=tmp_path)
    assert zipfile.ZipFile(tmp_path / next(p.name for p in tmp_path.iterdir())).namelist() == [
        "json/", "json/__init__.py", "json/decoder.py"]

    def no_trace(*_: object) -> list[str]:
        raise AssertionError("traced again")

    monkeypatch.setattr(stdlib, "traced_modules", no_trace)
    assert stdlib.trimmed_stdlib(selfcheck.PYODIDE_PACKAGE, locked, cache_dir=tmp_path) == (name, data)
    changed = {**locked, next(iter(locked)): b"other rules"}
    with pytest.raises(AssertionError, match="traced again"):
        stdlib.trimmed_stdlib(selfcheck.PYODIDE_PACKAGE, changed, cache_dir=tmp_path)

"""A trimmed standard library that lacks a module the self-check imports (a trace that missed one) still gives
results: the worker finds the import failing, and the page starts it again on Pyodide's full standard library,
whether the import fails while Python starts or while it evaluates."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

import calculator

ANSWERS = {"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme"}
AS_OF = "2021-09-01"
READY = "() => document.querySelector('#policy-selfcheck[data-engine=ready]') !== null"


def without_fractions(site: Path) -> None:
    """The trimmed archive without `fractions`, which `import calculator` imports (Pyodide's start does not)."""
    (archive,) = (site / "assets" / "calculator").glob("python_stdlib-*.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(buffer, "w") as trimmed:
        assert "fractions.py" in source.namelist()
        for info in source.infolist():
            if info.filename != "fractions.py":
                trimmed.writestr(info, source.read(info))
    for path in archive.parent.glob(archive.name + "*"):  # the archive and its pre-compressed copies
        path.unlink()  # a new file, so the built site's own stays as it is
    archive.write_bytes(buffer.getvalue())


def bridge_importing_difflib(site: Path) -> None:
    """A bridge whose `evaluate_json` imports a module that the trimmed archive lacks, on every call."""
    bridge = site / "assets" / "selfcheck" / "bridge.py"
    source = bridge.read_text(encoding="utf-8")
    bridge.unlink()
    marker = "    try:\n"
    assert marker in source
    bridge.write_text(source.replace(marker, "    import difflib  # noqa: F401\n" + marker, 1), encoding="utf-8")


@pytest.mark.parametrize("alter", [without_fractions, bridge_importing_difflib])
def test_a_module_missing_from_the_trimmed_archive_falls_back_to_the_full_one(
    serve_altered_site, open_page, alter: Callable[[Path], None]
) -> None:
    page: Page = open_page()
    fetched: list[str] = []
    page.context.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[1]))
    page.goto(serve_altered_site(alter) + "self-check/")
    page.wait_for_function(READY, timeout=120_000)
    result = page.evaluate("([answers, asOf]) => window.policyCalculator.evaluate(answers, asOf)", [ANSWERS, AS_OF])
    assert result == json.loads(json.dumps(calculator.evaluate(ANSWERS, AS_OF)))
    trimmed = next(i for i, name in enumerate(fetched) if name.startswith("python_stdlib-"))
    assert "python_stdlib.zip" in fetched[trimmed:], "the full standard library, after the trimmed one failed"
    assert fetched.count("worker.mjs") == 2
    # The page keeps to the full archive: a second answer needs no new start.
    page.evaluate("([answers, asOf]) => window.policyCalculator.evaluate(answers, asOf)", [ANSWERS, AS_OF])
    assert fetched.count("worker.mjs") == 2

"""A rules wheel altered after the build (cut short by a half-finished upload, a byte flipped by a bad cache, or a
stale copy of other rules) is refused: Pyodide checks it against the sha256 that the lock file beside it holds,
and the self-check says "没能加载" and why instead of running it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hosts import CAUSES
from sitebuild.paths import PROJECT_ROOT
from sitebuild.wheel import Distribution, wheel_bytes


def truncated(wheel: bytes, _stale: bytes) -> bytes:
    return wheel[: len(wheel) // 2]


def one_byte_flipped(wheel: bytes, _stale: bytes) -> bytes:
    middle = len(wheel) // 2
    return wheel[:middle] + bytes([wheel[middle] ^ 0x01]) + wheel[middle + 1:]


def stale(_wheel: bytes, stale_wheel: bytes) -> bytes:
    return stale_wheel


@pytest.fixture(scope="module")
def stale_wheel(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A valid wheel of rules other than the built ones: it installs and runs wherever nothing checks its hash."""
    project = tmp_path_factory.mktemp("stale")
    shutil.copytree(PROJECT_ROOT / "calculator", project / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", project)
    with (project / "calculator" / "__init__.py").open("a", encoding="utf-8") as module:
        module.write("\n# rules of another build\n")
    return wheel_bytes(Distribution.from_pyproject(project / "pyproject.toml"))


def replacing_the_wheel(alter: Callable[[bytes, bytes], bytes], stale_wheel: bytes) -> Callable[[Path], None]:
    """What changes a copy of the site: its wheel replaced by `alter(wheel, stale_wheel)`."""

    def replace(site: Path) -> None:
        (wheel,) = (site / "assets" / "calculator").glob("*/*.whl")
        altered = alter(wheel.read_bytes(), stale_wheel)
        wheel.unlink()  # a new file, so the built site's own stays as it is
        wheel.write_bytes(altered)

    return replace


@pytest.mark.parametrize("alter", [truncated, one_byte_flipped, stale])
def test_an_altered_wheel_is_refused_with_the_failure_message(serve_altered_site, open_page, watch, stale_wheel,
                                                              alter: Callable[[bytes, bytes], bytes]) -> None:
    page: Page = open_page()
    page.goto(serve_altered_site(replacing_the_wheel(alter, stale_wheel)) + "self-check/")
    message = page.locator('#sc-unavailable [data-engine-state="failed"]')
    expect(message).to_be_visible(timeout=120_000)
    expect(message).to_contain_text("自测的计算程序没能加载。" + CAUSES["integrity"], use_inner_text=True)
    expect(page.locator('[data-engine-state="loading"]')).to_be_hidden()
    assert page.evaluate("() => window.policyCalculator.ready.then(() => 'ran', error => error.failure)") == "integrity"
    assert page.locator("#policy-selfcheck").get_attribute("data-engine") != "ready"
    assert watch.console_errors, "the technical detail goes to the console"
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body

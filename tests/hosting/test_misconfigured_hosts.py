"""The self-check on a badly configured host: it says "没能加载" with the likely cause and a pointer to the hosting
notes, soon, instead of saying "正在加载" for ever; and on a slow link that is still receiving bytes it waits.

Pyodide never gives up on a WebAssembly binary it cannot compile, so these failures are caught by the
self-check's own checks (docs/assets/selfcheck/worker.mjs, engine.mjs, fallback.js). The stalled and the slow
downloads run on the page's fake clock: a minute without progress takes no minute.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from hosts import CAUSES, READY_TIMEOUT_MS, Gate, Host, Watch

FAILURE_TIMEOUT_MS = 30_000
"""A misconfiguration is reported within this (the page needs only the first files to find out)."""


def expect_failure(page: Page, failure: str, timeout: float = FAILURE_TIMEOUT_MS) -> None:
    """The page says the self-check could not load, why, and where the hosting notes are; not "loading"."""
    message = page.locator('#sc-unavailable [data-engine-state="failed"]')
    expect(message).to_be_visible(timeout=timeout)
    expect(message).to_contain_text("自测的计算程序没能加载。" + CAUSES[failure], use_inner_text=True)
    assert [text for text in CAUSES.values() if text in message.inner_text()] == [CAUSES[failure]]
    expect(page.locator('[data-engine-state="loading"]')).to_be_hidden()
    link = message.locator("a", has_text="托管说明")
    assert link.evaluate("link => link.href").endswith("/about/hosting/")
    expect(page.locator("#sc-unavailable a[href$='clauses/c01/']")).to_be_visible()
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body


def stall_ms(page: Page) -> int:
    return page.evaluate("async () => (await import(new URL('../assets/selfcheck/engine.mjs', location))).STALL_MS")


@pytest.mark.parametrize(("host", "failure"), [
    (Host(types={".wasm": "application/octet-stream"}), "wasm-type"),
    (Host(types={".mjs": "text/plain"}), "module-type"),
    (Host(headers={"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                                              "img-src 'self' data:"}), "csp"),
    (Host(missing=(".zip",)), "download"),  # the trimmed standard library and the full one
    (Host(missing=("pyodide.asm.mjs",)), "download"),
    (Host(missing=("assets/selfcheck/engine.mjs",)), "download"),
], ids=["wasm-as-octet-stream", "mjs-as-text-plain", "csp-without-wasm-unsafe-eval", "stdlib-missing",
        "pyodide-module-missing", "engine-missing"])
def test_a_misconfigured_host_gets_a_failure_message_soon(serve_host, open_page, watch: Watch, host: Host,
                                                          failure: str) -> None:
    page = open_page()
    page.goto(serve_host(host) + "self-check/")
    expect_failure(page, failure)
    assert watch.console_errors, "the technical detail goes to the console"


def test_a_download_that_stalls_is_given_up_after_a_while_without_progress(serve_host, open_page) -> None:
    gate = Gate("pyodide.asm.wasm")
    url = serve_host(Host(gate=gate))
    page = open_page()
    page.clock.install()
    page.goto(url + "self-check/")
    assert gate.started.wait(60), "the binary was asked for"
    time.sleep(1)  # the first piece arrives: progress
    page.clock.run_for(stall_ms(page) - 5_000)
    expect(page.locator('[data-engine-state="loading"]')).to_be_visible()
    page.clock.run_for(10_000)
    expect_failure(page, "stalled", timeout=5_000)


def test_a_slow_download_that_keeps_coming_is_waited_for(serve_host, open_page, watch: Watch) -> None:
    """Each piece of the 2.7 MB binary comes after 40 % of the stall time: ten pieces take four stall times."""
    gate = Gate("pyodide.asm.wasm", piece=256 * 1024)
    url = serve_host(Host(gate=gate))
    page = open_page()
    page.clock.install()
    page.goto(url + "self-check/")
    assert gate.started.wait(60), "the binary was asked for"
    limit = stall_ms(page)
    while gate.pieces_sent < 10:
        gate.release()
        time.sleep(0.5)  # the piece reaches the worker, which tells the page
        page.clock.run_for(limit * 4 // 10)
        expect(page.locator('[data-engine-state="loading"]')).to_be_visible()
    gate.open()
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    assert not watch.console_errors, watch.console_errors

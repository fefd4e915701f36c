"""A copy of the built site served on a port of its own that a test can stop (the network cut) and restart
with other files (a new release), and browser contexts that keep the site's service worker, as a visitor's
browser does.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from sitebuild.serve import SiteServer, make_server

NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")
READY_TIMEOUT_MS = 180_000  # Pyodide on a busy 2-core machine
SELF_CHECK_READY = "() => performance.getEntriesByName('selfcheck:engine-ready').length > 0"
SELF_CHECK_CACHED = "() => performance.getEntriesByName('offline:self-check-cached').length > 0"
# docs/assets/selfcheck/snapshot.mjs keeps Pyodide's memory snapshot in this cache.
SNAPSHOT_SAVED = "async () => (await (await caches.open('selfcheck-snapshots')).keys()).length > 0"


class Host:
    """A static server on a fixed port of 127.0.0.1 that can be stopped and started again on other files."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.server: SiteServer | None = None

    def start(self, root: Path) -> None:
        self.stop()
        self.server = make_server(root, self.port)
        threading.Thread(target=self.server.serve_forever, name="perf-site-server", daemon=True).start()

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture
def host() -> Iterator[Host]:
    serving = Host()
    yield serving
    serving.stop()


@pytest.fixture
def visitor(browser: Browser) -> Iterator[BrowserContext]:
    """One visitor's browser profile: its HTTP cache, Cache Storage and service workers last for the test."""
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", service_workers="allow")
    context.route(NOT_LOCAL, lambda route: route.abort())
    yield context
    context.close()


@pytest.fixture
def visit(visitor: BrowserContext) -> Callable[[str], Page]:
    """Open a URL in a new tab of the visitor's browser; uncaught errors in the page fail the test."""
    errors: list[str] = []

    def open_it(url: str) -> Page:
        page = visitor.new_page()
        page.set_default_timeout(60_000)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        return page

    yield open_it
    assert not errors


def wait_for_self_check(page: Page, *, offline_copy: bool = False) -> None:
    """Wait until Python is ready; with `offline_copy`, also until the service worker keeps the runtime and
    the worker has saved its snapshot (what a visitor's browser has done by the time they come back)."""
    page.wait_for_function(SELF_CHECK_READY, timeout=READY_TIMEOUT_MS)
    if offline_copy:
        page.wait_for_function(SELF_CHECK_CACHED, timeout=READY_TIMEOUT_MS)
        page.wait_for_function(SNAPSHOT_SAVED, timeout=READY_TIMEOUT_MS, polling=250)

"""Helpers of the tests in tests/perf: a restartable server and what a visitor's browser waits for."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

from playwright.sync_api import Page

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


def wait_for_self_check(page: Page, *, offline_copy: bool = False) -> None:
    """Wait until Python is ready; with `offline_copy`, also until the service worker keeps the runtime and
    the worker has saved its snapshot (what a visitor's browser has done by the time they come back)."""
    page.wait_for_function(SELF_CHECK_READY, timeout=READY_TIMEOUT_MS)
    if offline_copy:
        page.wait_for_function(SELF_CHECK_CACHED, timeout=READY_TIMEOUT_MS)
        wait_until(page, SNAPSHOT_SAVED)


def wait_until(page: Page, predicate: str, arg: object = None, *, timeout_ms: int = READY_TIMEOUT_MS) -> None:
    """Poll `predicate` in the page until it gives a truthy value. Unlike Playwright's `wait_for_function`, this
    awaits an async predicate: that one takes the promise itself for a truthy value and returns at once."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout_ms} ms: {predicate}")
        page.wait_for_timeout(250)

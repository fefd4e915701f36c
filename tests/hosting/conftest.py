"""The built site on hosts configured well and badly (hosts.py), and browser pages that record every
Content-Security-Policy violation and console error.

Requests anywhere but 127.0.0.1 are blocked and fail the test, as in the other browser tests.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hosts import Host, Watch, handler_for
from playwright.sync_api import Browser, Page

from sitebuild.serve import SiteServer, serve_in_background

NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} in ${event.sourceFile}`);
});
"""


@pytest.fixture
def serve_host(built_site: Path) -> Iterator[Callable[[Host], str]]:
    """Serve the built site as `host` says on a free port of 127.0.0.1; returns the site's URL."""
    servers: list[tuple[SiteServer, Host]] = []

    def serve(host: Host) -> str:
        server = SiteServer(("127.0.0.1", 0), functools.partial(handler_for(host), directory=str(built_site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((server, host))
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server, host in servers:
        if host.gate:
            host.gate.open()
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve_altered_site(built_site: Path, tmp_path: Path) -> Iterator[Callable[[Callable[[Path], None]], str]]:
    """Serve a copy of the built site that `alter` changed; returns the site's URL. The copy's files are hard links
    to the built site's: `alter` replaces a file (unlinks it, then writes a new one), never writes into one."""
    servers = []

    def serve(alter: Callable[[Path], None]) -> str:
        copy = tmp_path / "site"
        shutil.copytree(built_site, copy, copy_function=os.link)  # linked, not copied: only altered files are new
        alter(copy)
        server, url = serve_in_background(copy)
        servers.append(server)
        return url

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(browser: Browser, watch: Watch) -> Iterator[Callable[..., Page]]:
    """A page in a fresh context (no cache, no storage) that records violations and errors in `watch`."""
    contexts = []
    elsewhere: list[str] = []

    def open_it(*, service_workers: str = "block", width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                      timezone_id="Asia/Shanghai", service_workers=service_workers)
        contexts.append(context)
        context.route(NOT_LOCAL, lambda route: (elsewhere.append(route.request.url), route.abort()))
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
        page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
        page.set_default_timeout(30_000)
        return page

    yield open_it
    for context in contexts:
        context.close()
    assert not elsewhere, elsewhere
    assert not watch.page_errors, watch.page_errors

"""A copy of the built site served on a port of its own that a test can stop (the network cut) and restart
with other files (a new release), and browser contexts that keep the site's service worker, as a visitor's
browser does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from offline_site import NOT_LOCAL, Host


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
def visit(visitor: BrowserContext) -> Iterator[Callable[[str], Page]]:
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

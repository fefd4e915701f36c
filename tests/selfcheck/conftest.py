"""Browser fixtures for the self-check: pages in fresh contexts of the session's Chromium (tests/conftest.py).

Every request any page makes is recorded; after each test, a request to anywhere but 127.0.0.1, any request
that is not a plain GET, and any uncaught page error fail it. Requests elsewhere are also blocked, so a
mistake can never reach the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

import calculator

# How long Pyodide may take to start on a loaded 2-core machine before a test gives up.
READY_TIMEOUT_MS = 120_000
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")


@dataclass
class Traffic:
    """What the pages of one test asked for, and what went wrong in them."""

    requests: list[Request] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = []
        for request in self.requests:
            url = urlsplit(request.url)
            if url.scheme in ("data", "blob", "file"):
                continue  # nothing leaves the machine
            if url.hostname != "127.0.0.1":
                found.append(f"request to another host: {request.url}")
            elif request.method != "GET" or request.post_data or url.query:
                found.append(f"request that could carry answers: {request.method} {request.url}")
        return found + [f"uncaught error in the page: {error}" for error in self.page_errors]


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def new_page(browser: Browser, traffic: Traffic) -> Iterator[Callable[..., Page]]:
    """Open pages in fresh browser contexts (no cache, no storage), all watched by `traffic`.

    The site's service worker is blocked unless a test allows it: tests/site/test_offline.py tests it, and
    here it would only add its precaching of the whole site to every test.
    """
    contexts = []

    def open_page(
        width: int = 1280, height: int = 900, init_script: str | None = None, service_workers: str = "block",
        color_scheme: str = "light",
    ) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="zh-CN", timezone_id="Asia/Shanghai",
            service_workers=service_workers, color_scheme=color_scheme,
        )
        contexts.append(context)
        context.route(NOT_LOCAL, lambda route: route.abort())
        context.on("request", lambda request: traffic.requests.append(request))
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and traffic.console_errors.append(message.text))
        page.set_default_timeout(30_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not traffic.problems()


class SelfCheckPage:
    """The self-check page as a person uses it: answer questions, read the cards."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def wait_until_ready(self) -> None:
        self.page.wait_for_function(
            "() => document.querySelector('#policy-selfcheck[data-engine=ready]') !== null && !!window.policyCalculator",
            timeout=READY_TIMEOUT_MS,
        )

    def answer(self, answers: dict, as_of: str | None = None) -> None:
        """Fill in the answers in catalogue order, as the form reveals each question."""
        for entry in calculator.catalogue():
            if entry["id"] not in answers:
                continue
            value = answers[entry["id"]]
            if entry["type"] in ("bool", "choice"):
                text = json.dumps(value) if entry["type"] == "bool" else value
                self.page.check(f"#sc-field-{entry['id']} input[value='{text}']")
            else:
                self.page.fill(f"#sc-input-{entry['id']}", str(value))
        if as_of:
            self.page.fill("#sc-as-of", as_of)
        self.wait_until_settled()

    def wait_until_settled(self) -> None:
        """Wait until the results show the current answers (the form marks them busy until then)."""
        self.page.wait_for_function(
            "() => document.querySelector('#sc-results:not([aria-busy])') !== null", timeout=READY_TIMEOUT_MS
        )

    def cards(self) -> list[dict]:
        """Each result card as data: measure, status, badge text, amount text, conditions, clause link, whether
        its body is folded away (the texts are those shown: empty where folded)."""
        return self.page.eval_on_selector_all(
            "#sc-results .sc-card",
            """cards => cards.map(card => ({
                measure: card.dataset.measure,
                status: card.dataset.status,
                title: card.querySelector('.sc-card-title').textContent,
                badge: card.querySelector('.sc-badge').textContent,
                clause: card.querySelector('.sc-card-source a').href,
                amount: card.querySelector('.sc-amount') && card.querySelector('.sc-amount').innerText,
                amount_tags: [...card.querySelectorAll('.sc-amount .sc-tag')].map(tag => tag.textContent),
                window: card.querySelector('.sc-window') && card.querySelector('.sc-window').innerText,
                next: card.querySelector('.sc-next') && card.querySelector('.sc-next').innerText,
                folded: card.querySelector('.sc-fold:not([open])') !== null,
                conditions: [...card.querySelectorAll('.sc-condition')].map(item => ({
                    outcome: item.dataset.outcome,
                    text: item.querySelector('[data-slot=text]').textContent,
                    href: item.querySelector('.sc-cite a') && item.querySelector('.sc-cite a').href,
                })),
            }))""",
        )

    def open_folds(self) -> None:
        """Open every folded card, as a person does by tapping its “展开” line."""
        folded = self.page.locator("#sc-results .sc-fold:not([open]) > summary")
        while folded.count():
            folded.first.click()

    def field_error(self, input_id: str) -> str:
        return self.page.inner_text(f"#sc-error-{input_id}")


@pytest.fixture
def as_selfcheck() -> Callable[[Page], SelfCheckPage]:
    """Use a page that already shows the self-check (reached by navigation, say) through `SelfCheckPage`."""
    return SelfCheckPage


@pytest.fixture
def open_selfcheck(new_page: Callable[..., Page], site_url: str) -> Callable[..., SelfCheckPage]:
    """Open the self-check page (optionally at another URL, e.g. a share link) and wait for Python."""

    def open_it(url: str | None = None, *, ready: bool = True, **page_options) -> SelfCheckPage:
        page = new_page(**page_options)
        page.goto(url or f"{site_url}self-check/")
        selfcheck = SelfCheckPage(page)
        if ready:
            selfcheck.wait_until_ready()
        return selfcheck

    return open_it

"""Reading the built site: pages' article HTML and text, and browser pages that must not leave 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request


class ArticleText(HTMLParser):
    """The text of a page's <article>, without the ¶ permalinks Material adds to headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_article = 0
        self.in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.in_article += 1
        elif tag == "a" and "headerlink" in classes:
            self.in_permalink = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        elif tag == "a":
            self.in_permalink = False

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.in_permalink:
            self.parts.append(data)


@pytest.fixture(scope="session")
def page_html(built_site: Path) -> Callable[[str], str]:
    """The HTML of a page by its URL path: "" for home, "clauses/c01/" for a clause."""
    return lambda url_path: (built_site / url_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_text(page_html: Callable[[str], str]) -> Callable[[str], str]:
    """A page's article text with all whitespace removed (the source's spacing is layout, not text)."""

    def text(url_path: str) -> str:
        parser = ArticleText()
        parser.feed(page_html(url_path))
        return re.sub(r"\s+", "", "".join(parser.parts))

    return text


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[Callable[..., Page]]:
    """Open site pages in fresh contexts (with a script to run first in each page, if given); fail the test if any
    page asks another origin for anything."""
    requests: list[Request] = []
    contexts = []

    def open_it(
        url_path: str, *, width: int = 1280, height: int = 900, init_script: str | None = None, **options
    ) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **options)
        contexts.append(context)
        context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://"), lambda route: route.abort())
        context.on("request", lambda request: requests.append(request))
        if init_script:
            context.add_init_script(init_script)  # runs in every page before the page's own scripts
        page = context.new_page()
        page.goto(site_url + url_path)
        return page

    yield open_it
    for context in contexts:
        context.close()
    elsewhere = [r.url for r in requests if not r.url.startswith(("data:", "blob:")) and urlsplit(r.url).hostname != "127.0.0.1"]
    assert not elsewhere, f"requests to other origins: {elsewhere}"

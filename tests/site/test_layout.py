"""The site in a real browser: phone widths without sideways scrolling, dark mode, print, highlighted anchors,
instant navigation, and no serious accessibility violations (axe-core)."""

from __future__ import annotations

import json

import pytest

from sitebuild.paths import NODE_MODULES

PAGES = ["", "notice/", "clauses/c01/", "attachments/a2/", "glossary/", "timeline/", "references/", "about/"]


@pytest.mark.parametrize("url_path", PAGES)
def test_a_phone_never_scrolls_sideways(open_page, url_path: str) -> None:
    page = open_page(url_path, width=390, height=844)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_dark_mode_follows_the_system_and_the_toggle(open_page) -> None:
    """The toggle goes round the three schemes: light, dark, high contrast."""
    page = open_page("clauses/c01/", color_scheme="dark")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "contrast"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "default"


def test_print_shows_the_content_without_navigation(open_page) -> None:
    page = open_page("clauses/c01/")
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-header").is_hidden()
    assert page.locator("#c01-1").is_visible() and page.locator(".admonition.original").is_visible()


def test_a_linked_sentence_is_highlighted(open_page) -> None:
    page = open_page("clauses/c01/#c01-2")
    background = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
    # The highlight fades in (a CSS transition), so wait for it rather than sample it once.
    page.wait_for_function(f"() => !['rgba(0, 0, 0, 0)', 'transparent'].includes(({background})('c01-2'))",
                           timeout=5000)
    assert page.evaluate(background, "c01-1") in ("rgba(0, 0, 0, 0)", "transparent")


def test_instant_navigation_keeps_the_page_and_lands_on_the_anchor(open_page) -> None:
    page = open_page("glossary/")
    page.evaluate("window.stillHere = true")
    page.locator("a[href$='clauses/c01/#c01-1']").first.click()
    page.wait_for_url("**/clauses/c01/#c01-1")
    page.locator("#c01-1").wait_for()
    assert page.evaluate("window.stillHere === true")


@pytest.mark.parametrize("url_path", PAGES)
def test_no_serious_accessibility_violations(open_page, url_path: str) -> None:
    page = open_page(url_path)
    # Evaluated, not added as a <script> tag: the site's Content-Security-Policy refuses inline scripts.
    page.evaluate((NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    serious = [
        (v["id"], [node["target"] for node in v["nodes"]][:3])
        for v in json.loads(result) if v["impact"] in ("serious", "critical")
    ]
    assert not serious

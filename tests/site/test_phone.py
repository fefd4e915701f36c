"""The site on a 390 × 844 phone: tables that fit (or say they scroll), no text under 12 px, touch targets of at
least 44 × 44 px, keyboard focus shown on every control; and the pages around the content: a Chinese 404 page
with a way home, and a resident's navigation without the server set-up page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}
READY_TIMEOUT_MS = 120_000  # Pyodide starting on a loaded 2-core machine
PAGES = ["", "notice/", "clauses/c01/", "attachments/a2/", "glossary/", "timeline/", "references/", "about/",
         "self-check/"]

SCROLLERS = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => ({
    overflow: wrap.scrollWidth - wrap.clientWidth,
    cue: getComputedStyle(wrap).backgroundImage.includes('gradient'),
}))"""
SMALL_TEXT = """() => [...document.querySelectorAll('body *')].filter(element =>
    [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
    && element.checkVisibility() && parseFloat(getComputedStyle(element).fontSize) < 12
).map(element => `${element.className}: ${element.textContent.trim().slice(0, 20)}`)"""
# Controls a finger taps on their own (links inside a sentence are exempt, as WCAG 2.5.8 has them). Material's
# search form is left out: on a phone it is a full-screen dialog of its own.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, input:not([type=radio]):not([type=checkbox]), summary, .sc-option, .md-button, .md-header__button, .md-top'
)].filter(element => !element.closest('.md-search') && element.checkVisibility()).filter(element => {
    const box = element.getBoundingClientRect();
    return box.width < 44 || box.height < 44;
}).map(element => `${element.tagName}.${element.className}#${element.id}`)"""


def shown(open_page, url_path: str) -> Page:
    """A page on the phone; the self-check with an answer and its results (Python loaded)."""
    page = open_page(url_path, **PHONE)
    if url_path == "self-check/":
        page.check("#sc-field-asker input[value=individual]")
        page.locator("#sc-results .sc-card").first.wait_for(timeout=READY_TIMEOUT_MS)
    return page


@pytest.mark.parametrize("url_path", ["", "timeline/"], ids=["home", "timeline"])
def test_the_timeline_tables_fit_a_phone(url_path: str, open_page) -> None:
    page = open_page(url_path, **PHONE)
    assert [s["overflow"] for s in page.evaluate(SCROLLERS)] == [0]
    for badge in page.locator(".timeline .status").all():
        box = badge.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "every status on screen"


@pytest.mark.parametrize("url_path", PAGES)
def test_a_table_wider_than_a_phone_shows_it_scrolls(url_path: str, open_page) -> None:
    page = open_page(url_path, **PHONE)
    assert all(s["cue"] for s in page.evaluate(SCROLLERS) if s["overflow"] > 0)


@pytest.mark.parametrize("url_path", PAGES)
def test_no_text_is_smaller_than_12_px(url_path: str, open_page) -> None:
    page = shown(open_page, url_path)
    assert page.evaluate(SMALL_TEXT) == []


def test_the_self_checks_used_tags_are_readable(open_page) -> None:
    page = open_page("clauses/c01/", **PHONE)
    sizes = page.locator(".selfcheck-used").evaluate_all("tags => tags.map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= 12


@pytest.mark.parametrize("url_path", PAGES)
def test_touch_targets_are_at_least_44_px(url_path: str, open_page) -> None:
    page = shown(open_page, url_path)
    page.mouse.wheel(0, 2000)  # Material shows its back-to-top button once the page is scrolled
    page.mouse.wheel(0, -100)
    assert page.evaluate(SMALL_TARGETS) == []


def test_every_control_of_the_self_check_shows_keyboard_focus(open_page) -> None:
    page = open_page("self-check/", **PHONE)
    page.check("#sc-field-asker input[value=unit]")
    outline = "element => { const s = getComputedStyle(element); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
    for selector in ("#sc-input-insured_staff_last_year", "#sc-as-of", "#sc-share"):
        control = page.locator(selector)
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # reached by the keyboard
        expect(control).to_be_focused()
        assert control.evaluate(outline), selector


def test_the_404_page_is_chinese_with_a_way_home(open_page, site_url: str) -> None:
    with pytest.raises(HTTPError) as answer:
        urlopen(f"{site_url}no/such/page/")
    assert answer.value.code == 404
    page = open_page("no/such/page/")
    assert page.get_attribute("html", "lang") == "zh"
    expect(page.locator("article h1")).to_have_text("找不到这个页面")
    assert "Not found" not in page.inner_text("body")
    page.get_by_role("link", name="返回首页").click()
    page.wait_for_url(site_url)
    expect(page.locator("article h1")).to_contain_text("政策解读与自测")


def test_server_set_up_is_for_deployers_only(built_site: Path, page_html) -> None:
    """No page's navigation links the hosting page; 关于本站 does, and shows no path of the repository."""
    for path in built_site.rglob("index.html"):
        url_path = path.parent.relative_to(built_site).as_posix()
        if url_path == "about/hosting":
            continue  # the page itself
        html = page_html(url_path)
        outside = re.sub(r"<head>.*?</head>|<article.*?</article>", "", html, flags=re.S)
        assert "hosting/" not in outside and "托管说明" not in outside, path
    about = page_html("about/")
    assert re.search(r'<a href="hosting/">托管说明</a>', about)
    assert "notice/source" not in about and ".txt" not in about, "no path of the repository"

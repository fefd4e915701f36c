"""长辈模式 (large text) and high contrast, switched with the header's own controls, on the home page, a clause page
and the self-check with results, on a 1280 × 800 desktop and a 390 × 844 phone:

- axe-core (WCAG 2.0/2.1/2.2 A and AA and best practices) finds nothing in the normal, large-text and
  high-contrast modes, nor does its 7:1 rule in high contrast, where every text is also measured at 7:1 or more;
  the self-check's marks carry words in every mode;
- in large text, no text is under 18 px, paragraphs have a line height of 1.3 or more and more room between them
  than between their lines, headings grow, and every control's box is at least 60 × 60 px (44 × 44 px on a phone in
  the normal mode); the sidebars are folded into the menu, which the keyboard opens;
- every control shows the keyboard focus in every mode;
- both choices are kept: before the first paint, across Material's instant navigation and a reload;
- print is the same in every mode.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import material
import pytest
from playwright.sync_api import Page, expect

from display_modes import (
    ALL_RULES, FOCUSED, HEADINGS, LOW_CONTRAST, MAIN_TEXT, MODES, PAGES, PARAGRAPH_GAPS, SCHEME, SIZES, SMALL_TARGETS,
    SMALL_TEXT, WORDLESS_MARKS, axe_violations, choose_scheme, set_large_text, show_mode, with_results,
)

MATERIAL_PALETTE = Path(material.__file__).parent / "templates" / "partials" / "palette.html"


def shown(open_page, name: str, size: str) -> Page:
    page = open_page(PAGES[name], **SIZES[size])
    return with_results(page) if name == "self-check" else page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_nothing_in_any_mode(name: str, size: str, open_page) -> None:
    page = shown(open_page, name, size)
    found = {}
    for mode in MODES:
        show_mode(page, mode)
        enhanced = ["color-contrast-enhanced"] if mode == "high contrast" else []
        found[mode] = axe_violations(page, ALL_RULES, enhanced) + page.evaluate(WORDLESS_MARKS)
    assert found == {mode: [] for mode in MODES}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_high_contrast_text_is_at_least_7_to_1(name: str, size: str, open_page) -> None:
    page = shown(open_page, name, size)
    show_mode(page, "high contrast")
    assert page.evaluate(LOW_CONTRAST, 7) == []
    page.mouse.wheel(0, 3000)  # the back-to-top button and the self-check's results bar
    page.mouse.wheel(0, -100)
    page.wait_for_timeout(300)
    assert page.evaluate(LOW_CONTRAST, 7) == []


def small_targets(page: Page, minimum: int) -> list[str]:
    """The controls smaller than `minimum` px, at the top of the page and once scrolled (when Material shows its
    back-to-top button and the self-check its results bar)."""
    page.evaluate("() => window.scrollTo(0, 0)")
    found = page.evaluate(SMALL_TARGETS, minimum)
    page.mouse.wheel(0, 2000)
    page.mouse.wheel(0, -100)
    page.wait_for_timeout(300)
    return sorted(set(found + page.evaluate(SMALL_TARGETS, minimum)))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_large_text_sizes_spacing_and_targets(name: str, size: str, open_page) -> None:
    page = shown(open_page, name, size)
    normal = page.evaluate(HEADINGS)
    if size == "phone":  # touch targets of 44 × 44 px on a phone in the other modes
        assert small_targets(page, 44) == []
        show_mode(page, "high contrast")
        assert small_targets(page, 44) == []
    show_mode(page, "large text")

    assert page.evaluate(SMALL_TEXT, 18) == []
    main = page.evaluate(MAIN_TEXT)
    assert main and [t["what"] for t in main if t["size"] < 18 or t["lineHeight"] < 1.3 * t["size"]] == []
    gaps = page.evaluate(PARAGRAPH_GAPS)
    assert [g for g in gaps if g["gap"] < 0.3 * g["line"]] == [], "a paragraph break is more than a line break"
    large = page.evaluate(HEADINGS)
    assert [tag for tag, size in large.items() if size and size <= normal[tag]] == [], "headings and text grow"
    sizes = [large[tag] for tag in ("h1", "h2", "h3", "article") if large[tag]]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes), large
    assert small_targets(page, 60) == []


def test_large_text_folds_the_sidebars_into_the_menu(open_page) -> None:
    page = open_page("clauses/c01/", **SIZES["desktop"])
    navigation, contents = page.locator(".md-sidebar--primary"), page.locator(".md-sidebar--secondary")
    menu = page.locator(".md-header label[for=__drawer]")
    expect(contents).to_be_visible()
    expect(menu).to_be_hidden()
    set_large_text(page, True)
    expect(contents).to_be_hidden()
    on_screen = "e => { const box = e.getBoundingClientRect(); return box.right > 0 && box.left < innerWidth; }"
    page.wait_for_function(f"() => !({on_screen})(document.querySelector('.md-sidebar--primary'))")
    article = page.locator("article").bounding_box()
    assert article["x"] > 100 and article["width"] < 900, "one column of about 40 characters, in the middle"

    menu.click()  # the menu opens the navigation over the page
    page.wait_for_function(f"() => ({on_screen})(document.querySelector('.md-sidebar--primary'))")
    navigation.get_by_role("link", name="（二）继续实施稳岗扩岗以工代训").click()
    page.wait_for_url("**/clauses/c02/")
    page.wait_for_function(f"() => !({on_screen})(document.querySelector('.md-sidebar--primary'))")

    page.locator(".site-large-text-toggle").focus()  # the keyboard reaches the folded navigation, and sees it
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
            break
    page.wait_for_function(f"() => ({on_screen})(document.activeElement)")
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["clause", "self-check"])
def test_every_control_shows_the_keyboard_focus_in_every_mode(name: str, size: str, open_page) -> None:
    """Tab from the top of the page through every control (Material's search dialog aside): each one shows an
    outline and is on the screen (the folded navigation slides in while the keyboard is in it)."""
    page = shown(open_page, name, size)
    missing = {}
    for mode in MODES:
        show_mode(page, mode)
        page.locator(".md-skip").focus()  # the first control of the page
        seen: list[dict] = []
        for _ in range(400):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or focused in seen[:1]:
                break
            if not focused["onScreen"]:  # a drawer sliding in, a page scrolling to it
                page.wait_for_timeout(400)
                focused = page.evaluate(FOCUSED)
            seen.append(focused)
        assert len(seen) > 20, mode
        missing[mode] = [f["what"] for f in seen if not f["inSearch"] and not (f["outline"] and f["onScreen"])]
    assert missing == {mode: [] for mode in MODES}


def test_both_choices_are_kept_across_navigation_reload_and_tabs(open_page) -> None:
    page = open_page("")
    set_large_text(page, True)
    choose_scheme(page, "contrast")
    page.evaluate("window.stillHere = true")

    def kept(page: Page) -> None:
        expect(page.locator(".site-large-text-toggle")).to_have_attribute("aria-pressed", "true")
        assert page.evaluate("() => document.documentElement.hasAttribute('data-large-text')")
        assert page.evaluate(SCHEME) == "contrast"
        assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)") >= 18

    page.locator("article a[href$='clauses/c01/']").first.click()  # Material's instant navigation
    page.wait_for_url("**/clauses/c01/")
    page.locator("#c01-1").wait_for()
    assert page.evaluate("window.stillHere === true")
    kept(page)
    page.go_back()
    page.wait_for_function("() => location.pathname === '/'")
    kept(page)
    page.reload()
    kept(page)

    other = page.context.new_page()  # another tab of the site follows a change made in this one
    other.goto(page.url)
    kept(other)
    set_large_text(page, False)
    expect(other.locator(".site-large-text-toggle")).to_have_attribute("aria-pressed", "false")
    assert not other.evaluate("() => document.documentElement.hasAttribute('data-large-text')")


def test_large_text_is_there_before_the_first_paint(open_page, site_url: str) -> None:
    page = open_page("clauses/c01/")
    set_large_text(page, True)
    # Sampled in the first animation frame of the next page, before anything is painted.
    page.context.add_init_script(
        "requestAnimationFrame(() => { window.firstFrame = {large: document.documentElement.hasAttribute("
        "'data-large-text'), rem: getComputedStyle(document.documentElement).fontSize}; })"
    )
    page.goto(site_url + "clauses/c02/")
    page.wait_for_function("() => window.firstFrame !== undefined")
    assert page.evaluate("window.firstFrame") == {"large": True, "rem": "24px"}


PRINTED = """() => Object.fromEntries([
    'body', 'article h1', 'article h2', 'article p', '.plain li', '.admonition.original p', '.status', 'article a',
].map(selector => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, [style.fontSize, style.lineHeight, style.color, style.backgroundColor, style.display]];
}))"""


def test_print_is_the_same_in_every_mode(open_page) -> None:
    page = open_page("clauses/c01/")
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED)
    page.emulate_media(media="screen")
    set_large_text(page, True)
    choose_scheme(page, "contrast")
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    assert page.evaluate(PRINTED) == printed
    expect(page.locator(".md-header")).to_be_hidden()


def test_every_page_has_the_toggle_in_its_header_and_the_early_script(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head, body = html.split("</head>", 1)
        script = re.search(r'<script src="[^"]*assets/access/display\.js"></script>', head)
        assert script and head.index("stylesheets/main.") < script.start(), path  # render-blocking, in <head>
        header = re.search(r'<header class="md-header.*?</header>', body, re.S).group(0)
        assert re.search(r'<button type="button" class="md-header__button site-large-text-toggle" '
                         r'aria-pressed="false"[^>]*>.*?<span>长辈模式</span>', header, re.S), path


def test_the_colour_scheme_toggle_is_materials_own() -> None:
    """templates/theme/partials/palette.html is Material's partial with the 长辈模式 toggle after it."""
    ours = (Path(__file__).parents[2] / "templates" / "theme" / "partials" / "palette.html").read_text(encoding="utf-8")
    material = MATERIAL_PALETTE.read_text(encoding="utf-8")
    form = material[material.index("<form"):]
    assert ours[ours.index("<form"):] == form + '{% include "partials/large-text-toggle.html" %}\n'

"""Helpers for the tests of the display modes: switching a page to 长辈模式 or high contrast with the header's own
controls, the self-check with results, axe-core, and what a page shows measured in the browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sitebuild.paths import NODE_MODULES

PAGES = {"home": "", "clause": "clauses/c01/", "self-check": "self-check/"}
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
MODES = ("normal", "large text", "high contrast")
READY_TIMEOUT_MS = 120_000  # Pyodide starting on a loaded 2-core machine
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
ALL_RULES = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def with_results(page: Page) -> Page:
    """The self-check answered as a job seeker, once its results are shown (Python loaded)."""
    page.check("#sc-field-asker input[value=individual]")
    page.check("#sc-field-employment_status input[value=not_working]")
    page.locator("#sc-results .sc-card").first.wait_for(timeout=READY_TIMEOUT_MS)
    page.wait_for_selector("#sc-results:not([aria-busy])")
    return page


def set_large_text(page: Page, on: bool) -> None:
    """Press the header's 长辈模式 toggle if it is not already as wanted."""
    toggle = page.locator(".site-large-text-toggle")
    if toggle.get_attribute("aria-pressed") != str(on).lower():
        toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", str(on).lower())
    assert page.evaluate("() => document.documentElement.hasAttribute('data-large-text')") is on


def choose_scheme(page: Page, scheme: str) -> None:
    """Press Material's colour-scheme toggle until the page shows `scheme` (default, slate or contrast)."""
    for _ in range(3):
        if page.evaluate(SCHEME) == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").click()
    assert page.evaluate(SCHEME) == scheme


def show_mode(page: Page, mode: str) -> None:
    set_large_text(page, mode == "large text")
    choose_scheme(page, "contrast" if mode == "high contrast" else "default")
    page.wait_for_timeout(300)  # Material's colour transitions (0.25 s) have ended


def axe_violations(page: Page, tags: list[str], rules: list[str] = ()) -> list[dict]:
    """axe's violations of the rules with these tags, and of `rules` besides."""
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script> tag: a Content-Security-Policy may refuse it
    return page.evaluate(
        """async ([tags, rules]) => (await axe.run(document, {
                resultTypes: ['violations'], runOnly: {type: 'tag', values: tags},
                rules: Object.fromEntries(rules.map(rule => [rule, {enabled: true}])),
            })).violations.map(v => ({
                id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }))""",
        [tags, list(rules)],
    )


# What a page shows, measured in the browser. An element "shows text" when a text node of its own is not blank
# and the element is drawn (not hidden, transparent or clipped to a pixel).
SHOWN = """
    const drawn = element => {
        const box = element.getBoundingClientRect();
        return element.checkVisibility({opacityProperty: true, visibilityProperty: true})
            && box.width > 1 && box.height > 1;
    };
    const showsText = element => drawn(element)
        && [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    const describe = element => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`
        + ` “${element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 16)}”`;
"""

SMALL_TEXT = f"""minimum => {{ {SHOWN}
    return [...document.querySelectorAll('body *')].filter(showsText)
        .filter(element => parseFloat(getComputedStyle(element).fontSize) < minimum - 0.01)
        .map(element => `${{describe(element)}}: ${{getComputedStyle(element).fontSize}}`);
}}"""

# Every control a finger or a pointer aims at, by the box it is drawn in: links, buttons, fields, the summaries of
# folds, the labels that stand for radio buttons and check boxes (Material's toggles and the self-check's options).
# A link inside a sentence is exempt, as WCAG 2.5.8 has it: its block holds text besides the link.
SMALL_TARGETS = f"""minimum => {{ {SHOWN}
    const toggles = label => {{
        const control = label.control;
        return control && ['radio', 'checkbox'].includes(control.type);
    }};
    const isControl = element => element.matches(
        'a[href], button, select, textarea, summary, input:not([type=hidden], [type=radio], [type=checkbox])')
        || (element.matches('label') && toggles(element))
        || (element.tabIndex >= 0 && element.matches('[tabindex]'));
    const blockAround = element => {{
        let node = element.parentElement;
        while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
        return node;
    }};
    const words = element => element.textContent.replace(/\\s+/g, '');
    const inSentence = element => element.matches('a')
        && getComputedStyle(element).display.startsWith('inline') && words(blockAround(element)) !== words(element);
    const onScreen = box => box.right > 0 && box.left < innerWidth;
    return [...document.querySelectorAll('body *')]
        .filter(element => isControl(element) && drawn(element) && !inSentence(element))
        .filter(element => onScreen(element.getBoundingClientRect()))
        .filter(element => {{
            const box = element.getBoundingClientRect();
            return box.width < minimum - 0.5 || box.height < minimum - 0.5;
        }})
        .map(element => {{
            const box = element.getBoundingClientRect();
            return `${{describe(element)}}: ${{Math.round(box.width)}}×${{Math.round(box.height)}}`;
        }});
}}"""

# Each text's contrast with what it is drawn on: the first opaque background behind it, with the translucent
# ones above that composited over it (WCAG's relative luminance).
LOW_CONTRAST = f"""minimum => {{ {SHOWN}
    const rgba = text => {{
        const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number);
        return {{r, g, b, a}};
    }};
    const over = (top, bottom) => ({{
        r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
        b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
    }});
    const background = element => {{
        const layers = [];
        for (let node = element; node; node = node.parentElement) {{
            const colour = rgba(getComputedStyle(node).backgroundColor);
            if (colour.a > 0) layers.push(colour);
            if (colour.a >= 1) break;
        }}
        return layers.reduceRight((below, layer) => over(layer, below), {{r: 255, g: 255, b: 255, a: 1}});
    }};
    const luminance = ({{r, g, b}}) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (one, two) => {{
        const [light, dark] = [luminance(one), luminance(two)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
    }};
    return [...document.querySelectorAll('body *')].filter(showsText).flatMap(element => {{
        const behind = background(element);
        const found = ratio(over(rgba(getComputedStyle(element).color), behind), behind);
        return found < minimum ? [`${{describe(element)}}: ${{found.toFixed(2)}}`] : [];
    }});
}}"""

# The main text of the page's content: its paragraphs and list items, each with its font size and line height.
MAIN_TEXT = f"""() => {{ {SHOWN}
    return [...document.querySelectorAll('article p, article li')].filter(showsText).map(element => {{
        const style = getComputedStyle(element);
        return {{what: describe(element), size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight)}};
    }});
}}"""

# Each pair of consecutive paragraphs: the room between them and the height of a line.
PARAGRAPH_GAPS = f"""() => {{ {SHOWN}
    return [...document.querySelectorAll('article p + p')]
        .filter(p => showsText(p) && showsText(p.previousElementSibling))
        .map(p => ({{
            what: describe(p),
            gap: p.getBoundingClientRect().top - p.previousElementSibling.getBoundingClientRect().bottom,
            line: parseFloat(getComputedStyle(p).lineHeight),
        }}));
}}"""

# The size of the first heading of each level in the content, and of the content's text.
HEADINGS = """() => Object.fromEntries(['article', 'article h1', 'article h2', 'article h3'].map(selector => {
    const element = document.querySelector(selector);
    return [selector.replace('article ', ''), element ? parseFloat(getComputedStyle(element).fontSize) : null];
}))"""

# The focused control, as drawn (a radio button by its label; Material's colour-scheme radio buttons by the label
# after them): whether it shows an outline, and whether it is on the screen.
FOCUSED = """() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return null;
    const name = `${focused.tagName.toLowerCase()}.${[...focused.classList].join('.')}`;
    const drawn = focused.matches('.md-option') ? focused.nextElementSibling
        : focused.matches('input[type=radio]') ? focused.closest('label') : focused;
    const style = getComputedStyle(drawn);
    const box = drawn.getBoundingClientRect();
    return {
        what: `${name} “${focused.textContent.trim().slice(0, 16)}”`,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
        onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        inSearch: !!focused.closest('.md-search'),
    };
}"""

# The self-check's marks (✓ ✗ ? on conditions, the marks of statuses) that stand without words: a badge or a count
# whose words are not drawn, a condition whose words for its mark (hidden from the eye, read by screen readers
# and 朗读) are missing.
WORDLESS_MARKS = """() => [
    ...[...document.querySelectorAll('.sc-badge, .sc-summary-counts li')].filter(item => ![...item.childNodes].some(
        node => node.nodeType === Node.ELEMENT_NODE ? !node.matches('[aria-hidden=true]') && node.textContent.trim()
            && node.checkVisibility() : node.textContent.trim())),
    ...[...document.querySelectorAll('.sc-condition')].filter(item => !/^(符合|不符合|尚不确定)：$/.test(
        (item.querySelector('.sc-visually-hidden') || {textContent: ''}).textContent.trim())),
].map(item => item.outerHTML.slice(0, 80))"""

"""The plain-language part as residents see it: on every clause and attachment page, above the original, the
one-liner and the blocks with each line linked to the sentences it rests on; deadlines with their status; the
one-liner and 谁可以 on the first screen of a 390×844 phone; the one-liner as the page's description and on the
clause index."""

from __future__ import annotations

import html as html_module
import json
import re
from collections.abc import Callable

import pytest

from sitebuild.model import GOVERNMENT_ONLY, PLAIN_BLOCKS, Attachment, Clause, Notice
from sitebuild.paths import NODE_MODULES


def _url(part: Clause | Attachment) -> str:
    return part.page.removesuffix(".md") + "/"


def _href(notice: Notice, part: Clause | Attachment, anchor: str) -> str:
    """The link a built page carries to a sentence: #c01-1 on its own page, ../../clauses/c03/#c03-1 elsewhere."""
    page = notice.page_of(anchor)
    return f"#{anchor}" if page == part.page else f"../../{page.removesuffix('.md')}/#{anchor}"


def _plain_section(html: str) -> str:
    """The HTML of the 通俗解读 section: from its heading to the key figures, or else to the original text."""
    section = html[html.index('id="通俗解读"'):html.index('id="通知原文"')]
    return section.split('<div class="admonition facts">', 1)[0]


def _text(fragment: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", fragment))


def _cites(fragment: str) -> list[str]:
    return re.findall(r'<a class="plain-cite" href="([^"]*)"', fragment)


def _items(section: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", section, re.S)


def test_every_page_shows_the_one_liner_and_each_line_with_links_to_its_sentences(
    notice: Notice, page_html: Callable[[str], str]
) -> None:
    for part in notice.parts:
        plain = part.explanation.plain
        section = _plain_section(page_html(_url(part)))
        one_line = re.search(r'<p class="plain-one-line">(.*?)</p>', section, re.S).group(1)
        assert f"一句话{plain.one_line.text}" in _text(one_line), part.id
        assert _cites(one_line) == [_href(notice, part, a) for a in plain.one_line.cite], part.id
        items = _items(section)
        lines = [line for _, _, block in plain.blocks for line in block]
        assert len(items) == len(lines), part.id
        for item, line in zip(items, lines):
            assert _text(item).startswith(line.text), (part.id, line.text)
            assert _cites(item) == [_href(notice, part, a) for a in line.cite], (part.id, line.text)


def test_blocks_appear_in_order_and_only_where_the_part_has_lines(notice: Notice, page_html) -> None:
    for part in notice.parts:
        section = _plain_section(page_html(_url(part)))
        headings = re.findall(r"<h3[^>]*>(.*?)<a", section)
        assert headings == [heading for _, heading, _ in part.explanation.plain.blocks], part.id
    assert [h for _, h in PLAIN_BLOCKS] == ["谁可以", "能得到什么", "截至什么时候", "找谁办理、怎么办理"]


def test_a_clause_for_government_bodies_alone_says_so_once(notice: Notice, page_html) -> None:
    flagged = [part.id for part in notice.parts if part.explanation.plain.government_only]
    assert "c17" in flagged
    for part in notice.parts:
        section = _plain_section(page_html(_url(part)))
        shown = re.search(r'<p class="plain-government-only">(.*?)</p>', section, re.S)
        if part.id in flagged:
            assert _text(shown.group(1)).startswith(GOVERNMENT_ONLY), part.id
            assert _cites(shown.group(1)) == [f"#{part.id}"]
        else:
            assert shown is None and GOVERNMENT_ONLY not in _text(section), part.id


def test_a_deadline_line_shows_its_status_on_the_build_date(page_html) -> None:
    when = _plain_section(page_html("clauses/c01/")).split('id="截至什么时候"', 1)[1].split("<h3", 1)[0]
    assert "2021年12月31日前申请" in _text(when) and "已于 2021年12月31日 截止" in _text(when)
    when = _plain_section(page_html("clauses/c14/")).split('id="截至什么时候"', 1)[1].split("<h3", 1)[0]
    assert "已于 2025年12月31日 截止" in _text(when)


def test_a_line_naming_another_part_links_to_it(page_html) -> None:
    section = _plain_section(page_html("attachments/a2/"))
    assert re.search(r'<a href="../../clauses/c03/"[^>]*>第（三）条</a>', section)
    assert re.search(r'<a href="../../attachments/a2/"[^>]*>附件2</a>', _plain_section(page_html("clauses/c03/")))


def test_the_one_liner_describes_the_page_and_the_clause_index(notice: Notice, page_html) -> None:
    index = _text(page_html("clauses/"))
    for part in notice.parts:
        one_line = part.explanation.plain.one_line.text
        meta = re.search(r'<meta name="description" content="([^"]*)"', page_html(_url(part))).group(1)
        assert html_module.unescape(meta) == one_line, part.id
        assert one_line in index, part.id


# -- in the browser -------------------------------------------------------------------------------------------

FIRST_SCREEN = 844


def test_the_one_liner_and_who_are_on_a_phones_first_screen(notice: Notice, open_page, site_url: str) -> None:
    page = open_page("", width=390, height=FIRST_SCREEN)
    bottoms = """() => {
      const bottom = el => el && el.getBoundingClientRect().bottom + window.scrollY;
      const who = document.getElementById("谁可以");
      return {
        oneLine: bottom(document.querySelector(".plain-one-line")),
        who: bottom(who && who.nextElementSibling.querySelector("li")),
        governmentOnly: bottom(document.querySelector(".plain-government-only")),
      };
    }"""
    for part in notice.parts:
        page.goto(site_url + _url(part))
        found = page.evaluate(bottoms)
        assert found["oneLine"] is not None and found["oneLine"] <= FIRST_SCREEN, (part.id, found)
        first_block = found["who"] if part.explanation.plain.who else found["governmentOnly"]
        assert first_block is not None and first_block <= FIRST_SCREEN, (part.id, found)


@pytest.mark.parametrize("url_path", ["clauses/c06/", "clauses/c17/", "attachments/a1/"])
def test_plain_pages_fit_a_phone_and_have_no_serious_accessibility_violations(open_page, url_path: str) -> None:
    page = open_page(url_path, width=390, height=FIRST_SCREEN)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Evaluated, not added as a <script> tag: the site's Content-Security-Policy refuses inline scripts.
    page.evaluate((NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in json.loads(result)
               if v["impact"] in ("serious", "critical")]
    assert not serious

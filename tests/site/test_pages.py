"""What the generated pages show: every sentence and item at its anchor, glossary and references found by
search, readable Chinese anchors, the page order of a clause, the full text in published order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild.model import Clause, Notice


class ElementsById(HTMLParser):
    """The text inside each element with an id, and every id in document order (to find duplicates)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.text: dict[str, str] = {}
        self.open: list[tuple[str, str | None]] = []
        self.links: list[tuple[str, str, str]] = []  # (href, class, text)
        self._link: list | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        element_id = attributes.get("id")
        if element_id:
            self.ids.append(element_id)
            self.text[element_id] = ""
        if tag == "a":
            self._link = [attributes.get("href") or "", attributes.get("class") or "", ""]
        if tag not in self.VOID:
            self.open.append((tag, element_id))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            open_tag, _ = self.open.pop()
            if open_tag == tag:
                break
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None

    def handle_data(self, data: str) -> None:
        for _, element_id in self.open:
            if element_id:
                self.text[element_id] += data
        if self._link is not None:
            self._link[2] += data


@pytest.fixture(scope="module")
def parsed(page_html: Callable[[str], str]) -> Callable[[str], ElementsById]:
    cache: dict[str, ElementsById] = {}

    def parse(url_path: str) -> ElementsById:
        if url_path not in cache:
            cache[url_path] = ElementsById()
            cache[url_path].feed(page_html(url_path))
        return cache[url_path]

    return parse


def _url(page: str) -> str:
    """clauses/c01.md → clauses/c01/ (MkDocs' directory URLs)."""
    return page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")


def test_every_sentence_and_item_is_on_its_page_at_its_anchor(notice: Notice, parsed) -> None:
    for part in notice.parts:
        page = parsed(_url(part.page))
        for sentence in part.sentences:
            assert page.text.get(sentence.id) == sentence.text, f"{part.page}#{sentence.id}"
        if isinstance(part, Clause):
            assert page.text[part.id] == f"{part.number}{part.heading}"


def test_ids_are_unique_on_every_page(built_site: Path, parsed) -> None:
    for path in built_site.rglob("index.html"):
        url_path = path.parent.relative_to(built_site).as_posix()
        url_path = "" if url_path == "." else url_path + "/"
        duplicates = [i for i, n in Counter(parsed(url_path).ids).items() if n > 1]
        assert not duplicates, f"{url_path}: {duplicates}"


def test_the_full_text_page_carries_no_sentence_anchors(notice: Notice, parsed) -> None:
    ids = set(parsed("notice/").ids)
    assert not ids & {s.id for part in notice.parts for s in part.sentences}
    assert {clause.id for clause in notice.clauses} <= ids and {"a1", "a2", "preamble"} <= ids


SECTION_ORDER = ['id="通俗解读"', 'class="admonition facts"', 'id="通知原文"', 'class="admonition original"',
                 'id="自测如何使用本条"', 'id="自测如何使用本附件"', 'id="引用的文件"', 'id="相关条款"']


def test_a_page_reads_summary_facts_original_self_check_references_related(notice: Notice, page_html) -> None:
    for part in notice.parts:
        html = page_html(_url(part.page))
        positions = [html.index(marker) for marker in SECTION_ORDER if marker in html]
        assert positions == sorted(positions) and 'class="admonition original"' in html, part.id
    assert all(marker in page_html("clauses/c01/") for marker in SECTION_ORDER[:4])
    assert 'id="引用的文件"' in page_html("clauses/c02/")


def test_headings_have_readable_chinese_anchors(parsed) -> None:
    assert {"通俗解读", "通知原文", "相关条款"} <= set(parsed("clauses/c01/").ids)
    assert "一认真抓好延续实施政策落实" in parsed("notice/").ids


def test_original_text_is_marked_as_the_original(page_html, notice: Notice) -> None:
    for part in notice.parts:
        html = page_html(_url(part.page))
        assert re.search(r'<div class="admonition original">\s*<p class="admonition-title">[^<]*原文照录', html)


def _spans(text: str, form: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(form), text)]


def test_glossary_terms_are_linked_once_per_page_where_they_occur(notice: Notice, parsed) -> None:
    for part in notice.parts:
        page = parsed(_url(part.page))
        linked = [href.rsplit("#", 1)[1] for href, cls, _ in page.links if "term" in cls.split()]
        assert len(linked) == len(set(linked)), part.id
        text = "".join(s.text for s in part.sentences)
        spans = {t.id: [span for form in t.forms for span in _spans(text, form)] for t in notice.glossary}
        occurring = {term_id for term_id, found in spans.items() if found}
        assert set(linked) <= occurring, part.id
        for term_id in occurring - set(linked):
            # A term goes unmarked only where each of its occurrences lies inside another term's spelling.
            others = [span for other, found in spans.items() if other != term_id for span in found]
            assert all(any(s < e2 and s2 < e for s2, e2 in others) for s, e in spans[term_id]), (part.id, term_id)
    c01 = parsed("clauses/c01/")
    assert ("../../glossary/#insured-unit", "term", "参保单位") in c01.links


def _parts_containing(notice: Notice, needles: tuple[str, ...]) -> list[str]:
    found = ["preamble"] if any(n in "".join(notice.document.preamble) for n in needles) else []
    for part in notice.parts:
        texts = [s.text for s in part.sentences] + ([part.heading] if isinstance(part, Clause) else [])
        if any(needle in text for needle in needles for text in texts):
            found.append(part.id)
    return found


def _linked_parts(links: list[tuple[str, str, str]]) -> list[str]:
    parts = []
    for href, _, _ in links:
        if match := re.search(r"(?:clauses|attachments)/(c\d\d|a\d)/#", href):
            parts.append(match.group(1))
        elif href.endswith("notice/#preamble"):
            parts.append("preamble")
    return parts


def test_the_glossary_lists_where_each_term_occurs(notice: Notice, page_html) -> None:
    html = page_html("glossary/")
    for term in notice.glossary:
        section = html.split(f'id="{term.id}"', 1)[1].split("<h2", 1)[0]
        uses = section.split("出现在", 1)[1]
        parser = ElementsById()
        parser.feed(uses)
        assert _linked_parts(parser.links) == _parts_containing(notice, term.forms), term.term


def test_the_references_page_lists_where_each_document_is_cited(notice: Notice, page_html) -> None:
    html = page_html("references/")
    for reference in notice.references:
        section = html.split(f'id="{reference.id}"', 1)[1].split("<h2", 1)[0]
        parser = ElementsById()
        parser.feed(section.split("被引用于", 1)[1])
        assert _linked_parts(parser.links) == _parts_containing(notice, reference.match), reference.id
        assert reference.match[0] in section


def test_the_full_text_page_is_in_published_order(notice: Notice, article_text) -> None:
    text = article_text("notice/")
    doc = notice.document
    landmarks = [
        doc.issuers[-1], doc.letterhead, doc.number, doc.title, doc.recipients, doc.preamble[0][:20],
        *(f"{s.number}{s.title}" for s in notice.sections[:1]),
        *(f"{c.number}{c.heading}" for c in notice.clauses),
        doc.attachments_label, *(s.name for s in doc.signature), doc.signed_on_text, doc.publication,
        *(f"{a.label}{a.title}" for a in notice.attachments), doc.imprint_office + doc.printed_on_text,
    ]
    positions = []
    for landmark in landmarks:
        position = text.find(re.sub(r"\s+", "", landmark), positions[-1] if positions else 0)
        assert position >= 0, landmark
        positions.append(position)


def test_home_has_every_audience_the_timeline_and_the_self_check(notice: Notice, parsed, article_text) -> None:
    home = parsed("")
    assert {f"for-{a.id}" for a in notice.audiences} <= set(home.ids)
    assert any(href == "self-check/" for href, _, _ in home.links)
    assert any(href == "timeline/" for href, _, _ in home.links)
    assert "状态按本站生成日期2026年11月27日计算" in article_text("")


def test_every_clause_is_an_entry_point_from_home(notice: Notice, parsed) -> None:
    linked = {href for href, _, _ in parsed("").links}
    assert {_url(part.page) for part in notice.parts} <= linked


def test_about_has_the_source_the_corrections_and_the_disclaimer(notice: Notice, article_text) -> None:
    text = article_text("about/")
    assert "以经办机构核定为准" in text and notice.document.number in text
    for correction in notice.corrections:
        assert correction.original in text and correction.corrected in text
    for note in notice.layout_notes:
        assert re.sub(r"\s+", "", note) in text
    assert "托管说明" in text

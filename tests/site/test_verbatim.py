"""Every piece of the source text (cut at 。；，：, list markers and paragraph ends) is on the built site,
corrections aside: the full-text page carries the whole notice, each clause page its own clause."""

from __future__ import annotations

import re
from collections.abc import Callable

from sitebuild.model import Clause, Notice


def test_every_piece_of_the_source_is_on_the_full_text_page(article_text, pieces_of_source: list[str]) -> None:
    text = article_text("notice/")
    missing = [piece for piece in pieces_of_source if piece not in text]
    assert not missing


def test_a_sentence_missing_from_the_page_would_be_noticed(
    notice: Notice, article_text, pieces_of_source: list[str]
) -> None:
    dropped = re.sub(r"\s+", "", notice.part("c13").sentences[2].text)
    text = article_text("notice/").replace(dropped, "")
    assert [piece for piece in pieces_of_source if piece not in text]


def _as_published(part) -> str:
    """A clause or attachment's original text in reading order, as its page's original box shows it."""
    if isinstance(part, Clause):
        return part.number + part.heading + "".join(s.text for s in part.sentences)
    text = part.title + (part.intro.text if part.intro else "")
    for group in part.groups:
        text += (group.number or "") + (group.title or "") + (group.intro.text if group.intro else "")
        text += "".join(item.text for item in group.items)
    return text


def test_each_clause_and_attachment_page_carries_its_own_text_in_order(
    notice: Notice, article_text: Callable[[str], str]
) -> None:
    for part in notice.parts:
        text = article_text(part.page.removesuffix(".md") + "/")
        assert re.sub(r"\s+", "", _as_published(part)) in text, part.id


def test_corrected_text_is_on_the_site_and_the_extraction_error_is_only_in_the_log(
    notice: Notice, article_text
) -> None:
    for correction in notice.corrections:
        page = notice.page_of(correction.where).removesuffix(".md") + "/"
        assert correction.corrected in article_text(page)
        assert correction.original not in article_text(page)
        assert correction.original in article_text("about/")

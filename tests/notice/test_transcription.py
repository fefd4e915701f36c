"""The data carries the source text verbatim: every piece of the extraction is in notice/, corrections aside."""

from __future__ import annotations

import re

from sitebuild.model import Clause, Notice


def _all_text(notice: Notice) -> str:
    """Every piece of original text the data holds, whitespace removed (the extraction's spacing is layout)."""
    doc = notice.document
    texts = [
        *doc.issuers, doc.letterhead, doc.number, doc.title, doc.recipients, *doc.preamble,
        *(f"{s.number}{s.title}" for s in notice.sections),
        doc.attachments_label, *doc.attachment_titles.values(),
        *(s.name for s in doc.signature), *(s.note for s in doc.signature if s.note),
        doc.signed_on_text, doc.publication, doc.imprint_office, doc.printed_on_text,
    ]
    for part in notice.parts:
        texts.append(f"{part.label}{part.heading}" if isinstance(part, Clause) else f"{part.label}{part.title}")
        texts += [s.text for s in part.sentences]
        if not isinstance(part, Clause):
            texts += [f"{g.number}{g.title}" for g in part.groups if g.title]
    return re.sub(r"\s+", "", "".join(texts))


def test_every_piece_of_the_source_is_in_the_data(notice: Notice, pieces_of_source: list[str]) -> None:
    text = _all_text(notice)
    missing = [piece for piece in pieces_of_source if piece not in text]
    assert not missing


def test_the_source_is_cut_finely_enough_to_notice_a_dropped_sentence(
    notice: Notice, pieces_of_source: list[str]
) -> None:
    dropped = notice.part("c05").sentences[2].text
    text = _all_text(notice).replace(dropped, "")
    assert [piece for piece in pieces_of_source if piece not in text]


def test_each_correction_changes_text_that_is_in_the_source(notice: Notice, cut_source) -> None:
    uncorrected = "".join(cut_source([]))
    for correction in notice.corrections:
        assert correction.original in uncorrected
        assert correction.corrected in notice.text_of(correction.where)


def test_without_its_corrections_the_data_differs_from_the_source(notice: Notice, cut_source) -> None:
    text = _all_text(notice)
    assert [piece for piece in cut_source([]) if piece not in text]

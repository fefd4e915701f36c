"""Where glossary terms and cited documents occur in the notice's text: found by search, never listed by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import PREAMBLE, Clause, Notice, Sentence
from .schema import Reference, Term


@dataclass(frozen=True)
class Occurrence:
    """The first place in the preamble, a clause or an attachment where a term or document occurs."""

    part: str  # "preamble", a clause id or an attachment id
    sentence: str


def _anchored_texts(notice: Notice) -> list[tuple[str, Sentence]]:
    """(part, sentence) for the preamble and every clause heading, clause sentence and attachment piece."""
    texts = [(PREAMBLE, Sentence(PREAMBLE, notice.text_of(PREAMBLE)))]
    for part in notice.parts:
        if isinstance(part, Clause):
            texts.append((part.id, Sentence(part.id, part.heading)))
        texts += [(part.id, sentence) for sentence in part.sentences]
    return texts


def occurrences(notice: Notice, needles: Sequence[str]) -> list[Occurrence]:
    """One `Occurrence` per clause or attachment whose text contains any of `needles`, in notice order."""
    found: dict[str, Occurrence] = {}
    for part_id, sentence in _anchored_texts(notice):
        if part_id not in found and any(needle in sentence.text for needle in needles):
            found[part_id] = Occurrence(part_id, sentence.id)
    return list(found.values())


def term_occurrences(notice: Notice, term: Term) -> list[Occurrence]:
    return occurrences(notice, term.forms)


def reference_occurrences(notice: Notice, reference: Reference) -> list[Occurrence]:
    return occurrences(notice, reference.match)


def cited_references(notice: Notice, part_id: str) -> list[Reference]:
    """The documents cited in one clause or attachment."""
    return [r for r in notice.references if any(o.part == part_id for o in reference_occurrences(notice, r))]


@dataclass(frozen=True)
class Segment:
    """A run of original text, marked with the glossary term it spells (or None)."""

    text: str
    term: Term | None = None


def mark_terms(texts: Sequence[str], terms: Sequence[Term]) -> list[list[Segment]]:
    """Split each text into segments, marking the first occurrence of each term across all `texts`.

    Where spellings overlap, the earliest then the longest wins, so 就业困难人员 is not marked inside 零就业家庭.
    """
    spellings = sorted(((form, term) for term in terms for form in term.forms), key=lambda pair: -len(pair[0]))
    marked: set[str] = set()
    result = []
    for text in texts:
        segments: list[Segment] = []
        position = 0
        while position < len(text):
            match = _next_match(text, position, spellings, marked)
            if match is None:
                break
            start, form, term = match
            if start > position:
                segments.append(Segment(text[position:start]))
            segments.append(Segment(form, term))
            marked.add(term.id)
            position = start + len(form)
        if position < len(text):
            segments.append(Segment(text[position:]))
        result.append(segments)
    return result


def _next_match(
    text: str, position: int, spellings: list[tuple[str, Term]], marked: set[str]
) -> tuple[int, str, Term] | None:
    """The earliest (then longest) spelling of a not yet marked term at or after `position`."""
    best: tuple[int, str, Term] | None = None
    for form, term in spellings:
        if term.id in marked:
            continue
        start = text.find(form, position)
        if start != -1 and (best is None or start < best[0]):
            best = (start, form, term)
    return best

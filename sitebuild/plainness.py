"""How plain the plain-language parts are: their length against the original, their sentence length and the
one-liner's length, per page and overall (the tests assert the targets; `build.py` prints the figures)."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .model import GOVERNMENT_ONLY, Attachment, Clause, Notice

# The targets (issue 15): a resident reads the plain part of a page in half a minute.
MAX_LENGTH_RATIO = 0.5  # the plain part against the original text, on average over the pages
MAX_SENTENCE_LENGTH = 30  # characters a sentence, on average over every plain sentence
MAX_ONE_LINE_LENGTH = 40  # characters of each one-liner

_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def length(text: str) -> int:
    """Characters a reader reads: everything but white space."""
    return len(re.sub(r"\s", "", text))


def sentences(text: str) -> list[str]:
    """A plain line cut into sentences at 。！？；."""
    return [piece for piece in _SENTENCE_END.split(text) if piece.strip()]


@dataclass(frozen=True)
class Plainness:
    """The figures of one page's plain part."""

    part: str
    original: int  # characters of the original text (the clause's sentences, or the attachment's items)
    plain: int  # characters of the plain part: the one-liner and every line
    sentences: int
    one_line: int

    @property
    def ratio(self) -> float:
        return self.plain / self.original

    @property
    def sentence_length(self) -> float:
        return self.plain / self.sentences


def plain_texts(part: Clause | Attachment) -> list[str]:
    """Every text of a page's plain part as the page shows it, the one-liner first."""
    plain = part.explanation.plain
    assert plain is not None
    return [line.text for line in plain.lines] + ([GOVERNMENT_ONLY] if plain.government_only else [])


def plainness(part: Clause | Attachment) -> Plainness:
    texts = plain_texts(part)
    return Plainness(
        part=part.id,
        original=sum(length(s.text) for s in part.sentences),
        plain=sum(map(length, texts)),
        sentences=sum(len(sentences(text)) for text in texts),
        one_line=length(texts[0]),
    )


@dataclass(frozen=True)
class Overall:
    mean_ratio: float  # the mean of the pages' ratios
    sentence_length: float  # every plain character over every plain sentence
    longest_one_line: int

    @classmethod
    def of(cls, pages: Sequence[Plainness]) -> Overall:
        return cls(
            mean_ratio=statistics.fmean(page.ratio for page in pages),
            sentence_length=sum(page.plain for page in pages) / sum(page.sentences for page in pages),
            longest_one_line=max(page.one_line for page in pages),
        )


def report(notice: Notice) -> str:
    """The figures of every page and overall, against the targets, as the build prints them."""
    pages = [plainness(part) for part in notice.parts]
    lines = ["plain language (characters):", "  page   original  plain  ratio  sentences  per sentence  one-liner"]
    lines += [f"  {p.part:<5}  {p.original:>8}  {p.plain:>5}  {p.ratio:>5.2f}  {p.sentences:>9}  {p.sentence_length:>12.1f}"
              f"  {p.one_line:>9}" for p in pages]
    overall = Overall.of(pages)
    lines.append(f"  overall: ratio {overall.mean_ratio:.2f} on average (target ≤ {MAX_LENGTH_RATIO}), "
                 f"{overall.sentence_length:.1f} characters a sentence (≤ {MAX_SENTENCE_LENGTH}), "
                 f"longest one-liner {overall.longest_one_line} (≤ {MAX_ONE_LINE_LENGTH})")
    return "\n".join(lines)

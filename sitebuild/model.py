"""The notice as typed, validated data: what `loader.load_notice` returns and the pages read.

The parts and their anchored sentences are built here from the files; what stands in a file as it is (a plain
line, an audience, a glossary term, …) is its model of `sitebuild.schema`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from .schema import GOVERNMENT_ONLY as GOVERNMENT_ONLY  # where the pages and tests read it
from .schema import PLAIN_BLOCKS as PLAIN_BLOCKS

if TYPE_CHECKING:
    from .schema import Audience, Correction, Plain, Reference, Signatory, Term
FULL_TEXT_PAGE = "notice.md"
PREAMBLE = "preamble"  # the anchor of the notice's opening paragraph, on the full-text page


@dataclass(frozen=True)
class Sentence:
    """One anchored piece of original text: a clause sentence or an attachment item."""

    id: str
    text: str


@dataclass(frozen=True)
class Figure:
    """A fact's value as the rules read it: an id, the typed value and the words of the sentence that state it."""

    id: str
    value: int | Decimal | Fraction | datetime.date
    words: str  # within the fact's value, so within the sentence it cites
    cite: str


@dataclass(frozen=True)
class Fact:
    """A key figure of a clause, written exactly as in the sentence it cites; `figure` when a rule uses it."""

    label: str
    value: str
    cite: str
    kind: str
    date: datetime.date | None = None
    closes: str | None = None
    note: str | None = None
    figure: Figure | None = None


@dataclass(frozen=True)
class Explanation:
    """The explanatory fields a clause and an attachment share (`plain` is only absent while loading)."""

    plain: Plain | None = None
    audiences: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    id: str
    number: str
    section: int
    heading: str
    sentences: tuple[Sentence, ...]
    explanation: Explanation

    @property
    def label(self) -> str:
        """How the notice numbers the clause: （一）."""
        return self.number

    @property
    def title(self) -> str:
        """The heading without its closing 。, as used in navigation and lists."""
        return self.heading.rstrip("。")

    @property
    def name(self) -> str:
        """Number and title, as lists and navigation show a clause: （一）延续实施…受益面."""
        return f"{self.label}{self.title}"

    @property
    def page(self) -> str:
        return f"clauses/{self.id}.md"


@dataclass(frozen=True)
class ItemGroup:
    """A run of numbered attachment items, optionally under a heading (附件2 has two)."""

    number: str | None
    title: str | None
    intro: Sentence | None
    items: tuple[Sentence, ...]


@dataclass(frozen=True)
class Attachment:
    id: str
    label: str
    title: str
    intro: Sentence | None
    groups: tuple[ItemGroup, ...]
    explanation: Explanation

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every anchored piece of the attachment, in reading order."""
        pieces: list[Sentence] = [self.intro] if self.intro else []
        for group in self.groups:
            pieces += [group.intro] if group.intro else []
            pieces += group.items
        return tuple(pieces)

    @property
    def name(self) -> str:
        """Label and title, as lists and navigation show an attachment: 附件1 调整后…范围."""
        return f"{self.label} {self.title}"

    @property
    def page(self) -> str:
        return f"attachments/{self.id}.md"


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Document:
    """Everything of the notice outside the clauses and the attachments (document.yaml)."""

    number: str
    title: str
    letterhead: str
    issuers: tuple[str, ...]
    recipients: str
    preamble: tuple[str, ...]
    attachments_label: str
    attachment_titles: dict[str, str]
    signature: tuple[Signatory, ...]
    signed_on: datetime.date
    signed_on_text: str
    publication: str
    imprint_office: str
    printed_on: datetime.date
    printed_on_text: str
    source_file: str
    source_description: str


@dataclass(frozen=True)
class Notice:
    document: Document
    sections: tuple[Section, ...]
    attachments: tuple[Attachment, ...]
    audiences: tuple[Audience, ...]
    glossary: tuple[Term, ...]
    references: tuple[Reference, ...]
    corrections: tuple[Correction, ...]
    layout_notes: tuple[str, ...]
    _anchors: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._anchors[PREAMBLE] = FULL_TEXT_PAGE
        for part in self.parts:
            self._anchors[part.id] = part.page
            for sentence in part.sentences:
                self._anchors[sentence.id] = part.page

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(clause for section in self.sections for clause in section.clauses)

    @property
    def parts(self) -> tuple[Clause | Attachment, ...]:
        """Clauses then attachments: everything that has a page of its own."""
        return (*self.clauses, *self.attachments)

    def part(self, part_id: str) -> Clause | Attachment:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(part_id)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every fact's figure, in the notice's order."""
        return tuple(fact.figure for part in self.parts for fact in part.explanation.facts if fact.figure)

    def page_of(self, anchor: str) -> str:
        """The page (docs-relative .md path) that carries a clause, attachment or sentence anchor."""
        return self._anchors[anchor]

    def has_anchor(self, anchor: str) -> bool:
        return anchor in self._anchors

    def text_of(self, anchor: str) -> str:
        """The original text at an anchor: a sentence or item, a clause's heading, or the preamble."""
        if anchor == PREAMBLE:
            return "".join(self.document.preamble)
        for part in self.parts:
            if part.id == anchor:
                return part.heading if isinstance(part, Clause) else part.title
            for sentence in part.sentences:
                if sentence.id == anchor:
                    return sentence.text
        raise KeyError(anchor)

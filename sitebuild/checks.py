"""The rules of notice/ that one value's shape cannot say: between the fields of a file, and between files.

`sitebuild.schema` has already read each file (its keys, their presence and shapes). These rules run over what it
read and over the whole notice built from it: each yields the path inside its file and what is wrong. A file the
schema refused in part is checked for what it did read (see `loader`), so one run shows every problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .figures import disagreement
from .grounding import part_references, ungrounded
from .model import PREAMBLE, Notice, Sentence
from .schema import (
    FIGURE_TYPES, AttachmentFile, AudiencesFile, ClauseFile, CorrectionsFile, DocumentFile, Explained, FactEntry,
    GlossaryFile, PlainLine, ReferencesFile,
)

CLAUSE_IDS = tuple(f"c{n:02d}" for n in range(1, 19))
# How the notice numbers its clauses: （一） … （十八）.
CLAUSE_NUMBERS = tuple(f"（{n}）" for n in "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八".split())

Found = Iterator[tuple[str, str]]  # (path inside the file, what is wrong)


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@dataclass
class Files:
    """What the schema read of each file, by the file's name (`notice/clauses/c01.yaml`)."""

    document: tuple[str, DocumentFile] | None = None
    clauses: list[tuple[str, ClauseFile]] = field(default_factory=list)
    attachments: list[tuple[str, AttachmentFile]] = field(default_factory=list)
    audiences: tuple[str, AudiencesFile] | None = None
    glossary: tuple[str, GlossaryFile] | None = None
    references: tuple[str, ReferencesFile] | None = None
    corrections: tuple[str, CorrectionsFile] | None = None


def check(notice: Notice, files: Files) -> Iterator[tuple[str, str, str]]:
    """(file, path, message) of every problem between fields and files."""
    whole = _Whole(notice)
    if files.document:
        name, document = files.document
        yield from ((name, *found) for found in _duplicates(
            [item.id for item in document.attachments_list.items or ()] if document.attachments_list else [],
            "attachments_list.items[{}].id", 0))
    earlier: dict[str, str] = {}
    for name, clause in files.clauses:
        yield from ((name, *found) for found in _clause(clause, name, earlier))
    for name, attachment in files.attachments:
        yield from ((name, *found) for found in _attachment(attachment, name))
    for name, part in (*files.clauses, *files.attachments):
        yield from ((name, *found) for found in whole.explanation(part, name))
    for listing, top in ((files.audiences, "audiences"), (files.glossary, "terms"), (files.references, "documents")):
        if listing:
            ids = [entry.id for entry in getattr(listing[1], top) or ()]
            yield from ((listing[0], *found) for found in _duplicates(ids, top + "[{}].id", 1))
    if files.glossary:
        yield from ((files.glossary[0], *found) for found in whole.glossary(files.glossary[1]))
    if files.references:
        yield from ((files.references[0], *found) for found in whole.references(files.references[1]))
    if files.corrections:
        yield from ((files.corrections[0], *found) for found in whole.corrections(files.corrections[1]))


def _duplicates(ids: list[str], path: str, where: int) -> Found:
    """Each id met before in `ids` (`where`: whether to say which entry had it first)."""
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in first:
            yield path.format(index), f"duplicate id {value!r}" + (
                f": already used by {path.format(first[value]).rpartition('.')[0]}" if where else "")
        first.setdefault(value, index)


def _clause(clause: ClauseFile, name: str, earlier: dict[str, str]) -> Found:
    clause_id = name.rpartition("/")[2].removesuffix(".yaml")
    if clause.id is not None and clause.id != clause_id:
        yield "id", f"{clause.id!r} does not match the file name (expected {clause_id!r})"
        if clause.id in earlier:
            yield "id", f"duplicate id {clause.id!r}: already used by {earlier[clause.id]}"
    earlier.setdefault(clause_id, name)
    expected = CLAUSE_NUMBERS[CLAUSE_IDS.index(clause_id)]
    if clause.number is not None and clause.number != expected:
        yield "number", f"{clause.number!r} is not how the notice numbers {clause_id} ({expected})"


def _attachment(attachment: AttachmentFile, name: str) -> Found:
    attachment_id = name.rpartition("/")[2].removesuffix(".yaml")
    if attachment.id is not None and attachment.id != attachment_id:
        yield "id", f"{attachment.id!r} does not match the file name (expected {attachment_id!r})"
    if (attachment.items is None) == (attachment.groups is None):
        yield "", "needs exactly one of `items` (a numbered list) or `groups` (numbered lists under headings)"


class _Whole:
    """The rules that read the whole notice: anchors, the text, the parts, the audiences, the day of issue."""

    def __init__(self, notice: Notice) -> None:
        self.notice = notice
        self.text = "\n".join(s.text for part in notice.parts for s in part.sentences) + "\n" + "\n".join(
            (*notice.document.preamble, *(c.heading for c in notice.clauses))
        )
        self.figure_ids: dict[str, str] = {}  # figure id → where it was first declared

    def explanation(self, part: Explained, name: str) -> Found:
        own_id = name.rpartition("/")[2].removesuffix(".yaml")
        sentences = self.notice.part(own_id).sentences if own_id in {p.id for p in self.notice.parts} else ()
        for index, fact in enumerate(part.facts or ()):
            yield from self.fact(fact, f"facts[{index}]", own_id, sentences, name)
        for key in ("audiences", "related"):
            ids = list(getattr(part, key) or ())
            yield from _duplicates(ids, key + "[{}]", 0)
            known = {a.id for a in self.notice.audiences} if key == "audiences" else {p.id for p in self.notice.parts}
            if missing := [i for i in ids if i not in known]:
                yield key, f"{', '.join(map(repr, missing))} does not exist in " + (
                    "audiences.yaml" if key == "audiences" else "the clauses and attachments")
        if own_id in (part.related or ()):
            yield "related", f"lists {own_id} itself"
        if part.plain is not None:
            yield from self.plain(part, own_id)

    def fact(self, fact: FactEntry, where: str, own_id: str, sentences: tuple[Sentence, ...], name: str) -> Found:
        by_id = {s.id: s.text for s in sentences}
        if fact.cite not in by_id:
            yield join(where, "cite"), f"{fact.cite!r} is not a sentence of {own_id} ({', '.join(by_id)})"
        elif fact.value not in by_id[fact.cite]:
            yield join(where, "value"), f"{fact.value!r} does not occur verbatim in {fact.cite}"
        if fact.kind == "date" and fact.date is None:
            yield join(where, "date"), "missing: a fact of kind date needs its date (YYYY-MM-DD)"
        if fact.closes is not None and fact.date is None:
            yield join(where, "closes"), "needs a `date`: what closes, closes on a date"
        typed = fact.typed
        if fact.id is None:
            for key in (*typed, *(["words"] if fact.words is not None else [])):
                yield join(where, key), "needs an `id`: only a figure a rule reads has a typed value"
            return
        if fact.id in self.figure_ids:
            yield join(where, "id"), f"duplicate id {fact.id!r}: already used by {self.figure_ids[fact.id]}"
        self.figure_ids.setdefault(fact.id, f"{name} {where}")
        if (fact.kind == "date") == bool(typed) or len(typed) > 1:
            yield where, (f"a figure has exactly one typed value: {', '.join(FIGURE_TYPES)}, "
                          "or for kind date its `date`")
            return
        words = fact.words or fact.value
        if words not in fact.value:
            yield join(where, "words"), f"{words!r} is not part of the value {fact.value!r}"
            return
        if fact.figure and (message := disagreement(words, *fact.figure, self.notice.document.signed_on)):
            yield join(where, fact.figure[0]), message

    def plain(self, part: Explained, own_id: str) -> Found:
        plain = part.plain
        if plain.government_only and own_id not in CLAUSE_IDS:
            yield "plain.government_only", "only a clause can instruct government bodies alone"
        elif plain.government_only and plain.how:
            yield "plain.how", ("a clause that only instructs government bodies has nothing to apply for: "
                                "drop `how` or `government_only`")
        if not plain.government_only and not plain.who:
            yield "plain.who", "missing: say who the part is for, or mark a clause `government_only: true`"
        lines = [("plain.one_line", plain.one_line)] + [
            (f"plain.{name}[{index}]", line) for name in ("who", "what", "when", "how")
            for index, line in enumerate(getattr(plain, name) or ())
        ]
        for where, line in lines:
            if line is not None:
                yield from self.line(line, where)

    def line(self, line: PlainLine, where: str) -> Found:
        """A line may only cite the notice's sentences (or a part's own heading) and only point to its parts, and
        every figure and office it names must stand in the sentences it cites."""
        cite = line.cite or ()
        for index, anchor in enumerate(cite):
            if anchor in cite[:index]:
                yield f"{join(where, 'cite')}[{index}]", f"cites {anchor!r} twice"
        if not cite or line.text is None:
            return
        if unknown := [a for a in cite if a == PREAMBLE or not self.notice.has_anchor(a)]:
            yield where, f"cites {', '.join(map(repr, unknown))}, not a sentence of the notice"
        elif pointed := [p for p in part_references(line.text) if p not in {part.id for part in self.notice.parts}]:
            yield where, f"points to {', '.join(pointed)}, which the notice does not have"
        elif problems := ungrounded(line.text, "\n".join(self.notice.text_of(a) for a in cite)):
            yield where, f"{'; '.join(problems)} ({', '.join(cite)}): {line.text!r}"

    def occurs(self, text: str) -> bool:
        return text in self.text

    def glossary(self, glossary: GlossaryFile) -> Found:
        spelled: dict[str, str] = {}
        for index, term in enumerate(glossary.terms or ()):
            where = f"terms[{index}]"
            forms = term.forms
            for form in forms:
                if form in spelled:
                    yield where, f"spelling {form!r} is already used by {spelled[form]}"
                spelled[form] = where
            if (term.cite is None) == (term.source is None):
                yield where, ("needs exactly one of `cite` (the sentence where the notice defines the term) or "
                              "`source: general`")
            if term.cite is not None and (message := self._term_cite(term.cite, forms)):
                yield join(where, "cite"), message
            if not any(self.occurs(form) for form in forms):
                yield where, f"{forms[0]!r} occurs nowhere in the notice's text"

    def _term_cite(self, cite: str, forms: tuple[str, ...]) -> str | None:
        if not self.notice.has_anchor(cite):
            return f"{cite!r} is not an anchor of a clause sentence or attachment item"
        return None if any(form in self.notice.text_of(cite) for form in forms) else f"{cite} does not contain {forms[0]!r}"

    def references(self, references: ReferencesFile) -> Found:
        for index, document in enumerate(references.documents or ()):
            for number, text in enumerate(document.match or ()):
                if not self.occurs(text):
                    yield f"documents[{index}].match[{number}]", f"{text!r} occurs nowhere in the notice's text"

    def corrections(self, corrections: CorrectionsFile) -> Found:
        for index, correction in enumerate(corrections.corrections or ()):
            if not self.notice.has_anchor(correction.where):
                yield (f"corrections[{index}]",
                       f"where: {correction.where!r} is not an anchor of a clause sentence or attachment item")
            elif correction.corrected not in self.notice.text_of(correction.where):
                yield f"corrections[{index}]", f"corrected: {correction.corrected!r} does not occur in {correction.where}"


"""The one schema of notice/: a pydantic model a file, with the words of notice/README.md's field reference.

A model says which keys a file has, which are required and the shape of each value; rules between fields and
between files are `sitebuild.checks`'. `python -m sitebuild.schema` writes the field reference into
notice/README.md from these models (a test checks that it is up to date).
"""

from __future__ import annotations

import datetime
import re
import sys
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictStr, model_validator,
)
from pydantic_core import PydanticCustomError

from .paths import NOTICE_DIR

FACT_KINDS = ("rate", "amount", "headcount", "count", "date", "period", "threshold")
# The typed values a rule can read from a fact, besides a dated fact's own `date` (notice/README.md).
FIGURE_TYPES = ("count", "months", "money", "rate", "fraction")
# The blocks of the plain-language part, in page order: (field, heading).
PLAIN_BLOCKS = (("who", "谁可以"), ("what", "能得到什么"), ("when", "截至什么时候"), ("how", "找谁办理、怎么办理"))
# What a clause that only instructs government bodies says to everyone else.
GOVERNMENT_ONLY = "本条是对有关部门的工作要求，个人和单位不需要办理什么。"
ATTACHMENT_IDS = ("a1", "a2")


def problem(message: str) -> PydanticCustomError:
    """A validation error whose message is `message` as written (the loader reports it with the file and path)."""
    return PydanticCustomError("notice", "{message}", {"message": message})


class Shape:
    """How the field reference names a value's type (`text`, `date`, …): the metadata of a type below."""

    def __init__(self, name: str) -> None:
        self.name = name


def _refusing(check: Callable[[Any], str | None]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        if (message := check(value)) is not None:
            raise problem(message)
        return value

    return validate


def after(check: Callable[[Any], str | None]) -> AfterValidator:
    """Refuse a value, once of the right type, for which `check` returns a message."""
    return AfterValidator(_refusing(check))


def before(check: Callable[[Any], str | None]) -> BeforeValidator:
    """Refuse a value, as written, for which `check` returns a message."""
    return BeforeValidator(_refusing(check))


def not_empty(message: str) -> AfterValidator:
    return after(lambda value: None if value else f"is empty: {message}")


def _text(value: str) -> str | None:
    if not value.strip():
        return "is empty"
    return "has leading or trailing whitespace" if value != value.strip() else None


def split_sentences(text: str) -> list[str]:
    """Split at each 。 outside brackets and quotes (how the notice's bodies are cut into sentences)."""
    depth, start, pieces = 0, 0, []
    for index, char in enumerate(text):
        if char in "（(《〔[“":
            depth += 1
        elif char in "）)》〕]”":
            depth -= 1
        elif char == "。" and depth == 0:
            pieces.append(text[start : index + 1])
            start = index + 1
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _sentence(value: str) -> str | None:
    if (message := _text(value)) is not None:
        return message
    if len(pieces := split_sentences(value)) > 1:
        return f"holds {len(pieces)} sentences (split at each 。 outside brackets): one sentence an item"
    return None if value.endswith("。") else "does not end with 。"


def _iso_date(value: Any) -> datetime.date:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise problem(f"{value!r} is not a date (write YYYY-MM-DD)")


def _typed(shape: str, pattern: str, convert: Callable[[str], Any], written: tuple[type, ...] = (int, str)
           ) -> Callable[[Any], Any]:
    """A typed figure as written (YAML keeps decimals as text): `pattern` read by `convert`, or `shape`'s error."""

    def read(raw: Any) -> Any:
        if type(raw) in written and re.fullmatch(pattern, str(raw)):
            return convert(str(raw))
        raise problem(f"{raw!r} is not {shape}")

    return read


def _one_of(what: str, allowed: tuple[str, ...], listed: str) -> Callable[[Any], str | None]:
    return lambda value: None if value in allowed else f"{value!r} is not {what} {listed}"


Text = Annotated[StrictStr, after(_text), Shape("text")]
SentenceText = Annotated[StrictStr, after(_sentence), Shape("text: one sentence ending in 。")]
Id = Annotated[StrictStr, after(lambda v: None if re.fullmatch(r"[a-z0-9][a-z0-9-]*", v) else
                                f"{v!r} is not an id (lower-case ASCII letters, digits and -)"), Shape("id")]
Date = Annotated[datetime.date, BeforeValidator(_iso_date), Shape("date (YYYY-MM-DD)")]
Count = Annotated[int, BeforeValidator(_typed("a whole number", r"\d+", int, (int,))), Shape("whole number")]
Months = Annotated[int, BeforeValidator(_typed("a whole number of months", r"\d+", int, (int,))), Shape("whole number")]
Money = Annotated[Decimal, BeforeValidator(_typed("a number of 元", r"\d+(\.\d+)?", Decimal)), Shape("decimal")]
Rate = Annotated[Decimal, BeforeValidator(_typed("a decimal (6％ is 0.06)", r"\d+(\.\d+)?", Decimal)), Shape("decimal")]
FractionValue = Annotated[Fraction, BeforeValidator(_typed("a fraction a/b", r"[1-9]\d*/[1-9]\d*", Fraction)),
                          Shape("fraction a/b")]


class Strict(BaseModel):
    """A mapping of the notice's data: only its own keys, read-only once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# -- the plain-language part ---------------------------------------------------------------------------------

class PlainLine(Strict):
    """One fact in plain language, with the anchors of the sentences it rests on (at least one)."""

    text: Text = Field(description="one fact, plain Chinese")
    cite: Annotated[tuple[Text, ...], not_empty("every line cites the sentences it rests on")] = Field(
        description="the anchors the line rests on (at least one): sentences of any part, or a part's own "
                    "anchor (`c07`, `a1`) for its heading or title")


Lines = Annotated[tuple[PlainLine, ...], not_empty("leave out a block the part has nothing for")]


class Plain(Strict):
    """A clause or attachment in the visitor's own terms: one sentence, then short blocks of one fact a line.

    `government_only` marks a clause that only instructs government bodies; it then says `GOVERNMENT_ONLY`,
    resting on the whole clause, instead of a 找谁办理 block.
    """

    one_line: PlainLine = Field(description="一句话: what the part gives and to whom, at most about 40 characters")
    who: Lines = Field((), description="谁可以: one fact a line, second person (您 / 贵单位); required unless "
                                       "`government_only`")
    what: Lines = Field((), description="能得到什么")
    when: Lines = Field((), description="截至什么时候")
    how: Lines = Field((), description="找谁办理、怎么办理 (never with `government_only`)")
    government_only: StrictBool = Field(False, description="`true` on a clause that only instructs government "
                                                           "bodies: the page then says " + GOVERNMENT_ONLY)

    @property
    def blocks(self) -> tuple[tuple[str, str, tuple[PlainLine, ...]], ...]:
        """(field, heading, lines) of each block that has lines, in page order."""
        return tuple((name, heading, getattr(self, name)) for name, heading in PLAIN_BLOCKS if getattr(self, name))

    @property
    def lines(self) -> tuple[PlainLine, ...]:
        """The one-liner, then every line of every block."""
        return (self.one_line, *(line for _, _, lines in self.blocks for line in lines))


# -- clauses and attachments --------------------------------------------------------------------------------

class FactEntry(Strict):
    """A key figure of a part as written in its file; `id` and one typed value when a rule reads it."""

    label: Text = Field(description="what the figure is, e.g. 裁员率上限（一般参保单位）")
    value: Text = Field(description="the figure exactly as written: must occur verbatim in the cited sentence")
    cite: Text = Field(description="the sentence of the same part that states it (`c01-1`, `a2-2-intro`, …)")
    kind: Annotated[str, before(_one_of("one of", FACT_KINDS, ", ".join(FACT_KINDS))), Shape(" \\| ".join(FACT_KINDS))
                    ] = Field(description="what kind of figure")
    date: Date | None = Field(None, description="the day it stands for: required for kind date, allowed for kind "
                                                "period when the notice ties the period to a calendar day; every "
                                                "fact with a date is on the timeline")
    closes: Text | None = Field(None, description="what ends on that date (timeline wording); only with `date`, "
                                                  "omitted if nothing ends")
    note: Text | None = Field(None, description="how a date was derived, or what the notice leaves open")
    id: Id | None = Field(None, description="only on a fact a rule reads: its figure's id (ASCII slug, unique in "
                                            "the notice), with one typed value below or, for kind date, its `date`")
    words: Text | None = Field(None, description="the part of `value` that states the figure (the whole value by "
                                                 "default)")
    count: Count | None = Field(None, description="people, times, years of age")
    months: Months | None = Field(None, description="a period in months, even where the notice writes years "
                                                    "(`5年以内` is 60)")
    money: Money | None = Field(None, description="元 (`10万元` is 100000)")
    rate: Rate | None = Field(None, description="a decimal (`6％` is 0.06, `1.5倍` is 1.5)")
    fraction: FractionValue | None = Field(None, description="a fraction a/b (`1/3`)")

    @property
    def typed(self) -> dict[str, int | Decimal | Fraction]:
        """The typed values given, by name (a figure has exactly one)."""
        return {name: value for name in FIGURE_TYPES if (value := getattr(self, name)) is not None}

    @property
    def figure(self) -> tuple[str, int | Decimal | Fraction | datetime.date] | None:
        """(type, value) of the figure a rule reads: the one typed value, or a fact of kind date's `date`; None
        when there is not exactly one."""
        if self.kind == "date":
            return None if self.typed or self.date is None else ("date", self.date)
        return next(iter(self.typed.items())) if len(self.typed) == 1 else None


IdList = tuple[Text, ...]


class Explained(Strict):
    """The explanatory fields a clause and an attachment share."""

    plain: Plain = Field(description="the part in the visitor's own terms (see \"The plain-language part\")")
    audiences: IdList = Field((), description="ids from audiences.yaml")
    facts: tuple[FactEntry, ...] = Field((), description="key figures, each exactly as written in the sentence "
                                                         "it cites")
    related: IdList = Field((), description="other clause / attachment ids worth reading next (never the part "
                                            "itself)")


def _section(value: Any) -> str | None:
    return None if type(value) is int and 1 <= value <= 5 else f"{value!r} is not a section number 1 … 5"


class ClauseFile(Explained):
    """clauses/c01.yaml … c18.yaml: one clause each."""

    id: Text = Field(description="c01 … c18, as the file name")
    number: Text = Field(description="how the notice numbers it: （一） … （十八）")
    section: Annotated[int, before(_section), Shape("whole number")] = Field(
        description="1 … 5, the heading 一、… 五、 it stands under")
    heading: Text = Field(description="verbatim, e.g. 延续实施并扩大普惠性失业保险稳岗返还受益面。 (the clause's own "
                                      "anchor `c01`)")
    text: Annotated[tuple[SentenceText, ...], not_empty("a clause has at least one sentence")] = Field(
        description="the body, one sentence an item, verbatim: anchors `c01-1`, `c01-2`, …")


class GroupEntry(Strict):
    """Numbered attachment items under a heading (附件2 has two)."""

    number: Text = Field(description="the group's number as written")
    title: Text = Field(description="the group's heading")
    intro: Text | None = Field(None, description="a sentence before the items: anchor `a2-2-intro`")
    items: tuple[Text, ...] = Field(description="the items verbatim: anchors `a2-1-1`, …")


class AttachmentFile(Explained):
    """attachments/a1.yaml, a2.yaml: an attachment's items verbatim, plus the explanatory fields of a clause."""

    id: Text = Field(description="a1 or a2, as the file name")
    label: Text = Field(description="附件1, 附件2")
    title: Text = Field(description="as written (the attachment's own anchor `a1`)")
    intro: Text | None = Field(None, description="a sentence before the items: anchor `a1-intro`")
    items: tuple[Text, ...] | None = Field(None, description="a numbered list, verbatim: anchors `a1-1` … (exactly "
                                                             "one of `items` and `groups`)")
    groups: tuple[GroupEntry, ...] | None = Field(None, description="numbered lists under headings: anchors "
                                                                   "`a2-1-1` …, `a2-2-1` …")


# -- document.yaml --------------------------------------------------------------------------------------------

class SectionHeading(Strict):
    number: Text = Field(description="一、 … 五、")
    title: Text = Field(description="the heading's words")


class ListedAttachment(Strict):
    id: Annotated[str, before(_one_of("an attachment id", ATTACHMENT_IDS, "(a1, a2)")), Shape("id")] = Field(
        description="a1 or a2")
    text: Text = Field(description="the attachment's title as the list writes it")


class AttachmentList(Strict):
    label: Text = Field(description="附件：")
    items: tuple[ListedAttachment, ...] = Field(description="the attachments as the notice lists them")


class Signatory(Strict):
    """A signing body: its name alone, or a mapping of `name` and `note`."""

    name: Text = Field(description="the body's name")
    note: Text | None = Field(None, description="what stands beside it, e.g. （市扶贫办代章）")

    @model_validator(mode="before")
    @classmethod
    def _named(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Imprint(Strict):
    office: Text = Field(description="the office that printed the notice")
    printed_on: Date = Field(description="the day it was printed")
    printed_on_text: Text = Field(description="as written: 2021年7月26日印发")


class SourceFile(Strict):
    file: Text = Field(description="the extracted text, as received: notice/source/…")
    description: Text = Field(description="where the text comes from")


class DocumentFile(Strict):
    """document.yaml: the notice outside its clauses and attachments."""

    number: Text = Field(description="葫人社发〔2021〕2号")
    title: Text = Field(description="the notice's title")
    letterhead: Text = Field(description="the word after the issuers in the letterhead: 文件")
    issuers: tuple[Text, ...] = Field(description="the issuing bodies, in order")
    recipients: Text = Field(description="to whom it is addressed")
    preamble: tuple[Text, ...] = Field(description="the opening paragraph (anchor `preamble` on the full text)")
    sections: Annotated[tuple[SectionHeading, ...], after(lambda v: None if len(v) == 5 else
                        f"expected the notice's 5 section headings, found {len(v)}")] = Field(
        description="the five section headings 一、 … 五、")
    attachments_list: AttachmentList = Field(description="the list of attachments after the body")
    signature: tuple[Signatory, ...] = Field(description="the signing bodies")
    signed_on: Date = Field(description="the day of issue")
    signed_on_text: Text = Field(description="as written: 2021年7月26日")
    publication: Text = Field(description="the publication note: （此件公开发布）")
    imprint: Imprint = Field(description="the printing note at the foot")
    source: SourceFile = Field(description="the text the data was transcribed from")


# -- the listings ---------------------------------------------------------------------------------------------

class Audience(Strict):
    id: Id = Field(description="ascii id, used by `audiences:` in clause and attachment files")
    name: Text = Field(description="short name shown as the entry point (职工, 用人单位, …)")
    description: Text = Field(description="one sentence, grounded in the notice")


class AudiencesFile(Strict):
    """audiences.yaml: the audiences the home page offers as entry points."""

    audiences: tuple[Audience, ...] = Field(description="the entry points, in the home page's order")


class Term(Strict):
    """A glossary term. Where it is used is found by searching the text for its forms, never listed by hand."""

    id: Id = Field(description="ascii slug: the term's anchor on glossary/")
    term: Text = Field(description="must occur verbatim in the notice's text (or one of its aliases must)")
    aliases: tuple[Text, ...] = Field((), description="other spellings as they occur in the text")
    definition: Text = Field(description="plain Chinese")
    cite: Text | None = Field(None, description="the sentence where the notice itself defines the term (exactly "
                                                "one of `cite` and `source`)")
    source: Annotated[str, before(_one_of("a source", ("general",), "(the only one is: general)")),
                      Shape("general")] | None = Field(
        None, description="`general`: a neutral general explanation that adds no local condition or number")

    @property
    def forms(self) -> tuple[str, ...]:
        """The spellings searched for in the text, the term first."""
        return (self.term, *self.aliases)


class GlossaryFile(Strict):
    """glossary.yaml: terms with a plain definition; where each term is used is found by searching the text for
    the term and its aliases, never listed by hand."""

    terms: tuple[Term, ...] = Field(description="in the order they first appear in the notice")


class Reference(Strict):
    """A document the notice cites. No URLs and nothing about it that the notice does not say."""

    id: Id = Field(description="ascii slug")
    number: Text | None = Field(None, description="as written in the notice; absent when the notice gives none")
    title: Text = Field(description="as written in the notice, without 《》")
    issuer: Text | None = Field(None, description="only where the notice names the issuer outside the title")
    match: Annotated[tuple[Text, ...], not_empty("give the text that finds this document's citations")] = Field(
        description="strings that find its citations in the text (each must occur)")


class ReferencesFile(Strict):
    """references.yaml: the documents the notice cites; where each is cited is found in the text. No URLs and
    nothing about a document that the notice does not say."""

    documents: tuple[Reference, ...] = Field(description="the documents")


class Correction(Strict):
    where: Text = Field(description="the anchor of the passage on the site")
    original: Text = Field(description="the text as extracted")
    corrected: Text = Field(description="the text as carried here (must occur at `where`)")
    kind: Text = Field(description="what kind of change, e.g. character")
    reason: Text = Field(description="why")


class CorrectionsFile(Strict):
    """corrections.yaml: every change from the extracted text, and the layout artefacts removed."""

    corrections: tuple[Correction, ...] = Field(description="each change, so a reader can check the site against "
                                                            "the published PDF")
    layout: tuple[Text, ...] = Field(description="layout artefacts removed everywhere rather than one by one")


# -- the field reference in notice/README.md ------------------------------------------------------------------

FILES: tuple[tuple[str, type[Strict]], ...] = (
    ("document.yaml", DocumentFile),
    ("clauses/c01.yaml … c18.yaml", ClauseFile),
    ("attachments/a1.yaml, a2.yaml", AttachmentFile),
    ("audiences.yaml", AudiencesFile),
    ("glossary.yaml", GlossaryFile),
    ("references.yaml", ReferencesFile),
    ("corrections.yaml", CorrectionsFile),
)
README = NOTICE_DIR / "README.md"
BEGIN = "<!-- field reference: written by `python -m sitebuild.schema` from sitebuild/schema.py; do not edit -->"
END = "<!-- end of field reference -->"


def _parts(annotation: Any) -> tuple[Any, list[Any]]:
    """The annotation without Annotated, None and its metadata."""
    metadata: list[Any] = []
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *more = get_args(annotation)
            metadata += more
        elif get_origin(annotation) in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation, metadata


def model_in(annotation: Any, *, items: bool = True) -> type[Strict] | None:
    """The model a field holds, alone or (unless not `items`) as the items of a list."""
    annotation, _ = _parts(annotation)
    if get_origin(annotation) is tuple and items:
        annotation, _ = _parts(get_args(annotation)[0])
    return annotation if isinstance(annotation, type) and issubclass(annotation, Strict) else None


def _shape(annotation: Any, metadata: list[Any]) -> str:
    annotation, more = _parts(annotation)
    names = [m.name for m in (*metadata, *more) if isinstance(m, Shape)]
    if names:
        return names[-1]
    if get_origin(annotation) is tuple:
        item = get_args(annotation)[0]
        return "list of " + ("mappings" if model_in(item) else _shape(item, []))
    if model_in(annotation):
        return "mapping"
    return {bool: "true or false", str: "text"}.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _rows(model: type[Strict], prefix: str, seen: dict[type[Strict], str]) -> Iterator[str]:
    """A row a key of `model`, its own keys before those it shares (the explanatory fields); a model met before in
    the same file is not spelled out again."""
    own = [name for name in model.model_fields if name not in Explained.model_fields or model is Explained]
    for name in [*own, *(name for name in model.model_fields if name not in own)]:
        field, key = model.model_fields[name], prefix + name
        shape = _shape(field.annotation, field.metadata)
        inner = model_in(field.annotation)
        if inner is not None and inner in seen:
            shape += f" (keys as `{seen[inner]}`)"
        yield f"| `{key}` | {shape} | {'yes' if field.is_required() else ''} | {field.description or ''} |"
        if inner is not None and inner not in seen:
            seen[inner] = key
            yield from _rows(inner, key + ("[]." if shape.startswith("list") else "."), seen)


def reference() -> str:
    """The field reference: a table a file, a row a key (nested keys dotted, `[]` for a list's items)."""
    out = [BEGIN]
    for file, model in FILES:
        holds = " ".join((model.__doc__ or "").split("\n\n")[0].split()).partition(": ")[2]
        out += ["", f"### `{file}`", holds[:1].upper() + holds[1:], "",
                "| key | value | required | what it holds |", "| --- | --- | --- | --- |", *_rows(model, "", {})]
    return "\n".join([*out, "", END])


def readme_with_reference(readme: str) -> str:
    before, _, rest = readme.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + reference() + after


def main() -> None:
    text = README.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        sys.exit(f"{README}: the markers {BEGIN!r} and {END!r} are missing")
    README.write_text(readme_with_reference(text), encoding="utf-8")


if __name__ == "__main__":
    main()

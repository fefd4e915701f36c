"""Render the generated pages (Jinja2 templates → Markdown), which the MkDocs plugin adds to the docs (plugin.py)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import jinja2

from calculator.dates import zh_date

from . import markdown
from .grounding import part_reference_spans
from .model import GOVERNMENT_ONLY, PREAMBLE, Attachment, Clause, Fact, Notice
from .occurrences import cited_references, mark_terms, reference_occurrences, term_occurrences
from .paths import TEMPLATES_DIR
from .rules import SelfCheckUses, self_check_uses
from .schema import PlainLine
from .timeline import status_of, timeline


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs directory, e.g. "clauses/c01.md"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown: text goes through the `md` filter explicitly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown.escape,
        attr=markdown.attribute,
        cn_date=zh_date,
    )
    return env


def anchor_label(notice: Notice, anchor: str) -> str:
    """How a reader names an anchor: （一）第2句, 附件1 第3项, 附件2 二、引言, 通知开头."""
    if anchor == PREAMBLE:
        return "通知开头"
    part = notice.part(anchor.split("-")[0])
    number = anchor.rsplit("-", 1)[-1]
    if anchor == part.id:
        return part.label
    if isinstance(part, Clause):
        return f"{part.label}第{number}句"
    if part.intro and anchor == part.intro.id:
        return f"{part.label} 引言"
    for group in part.groups:
        prefix = f"{part.label} {group.number or ''}"
        if group.intro and anchor == group.intro.id:
            return f"{prefix}引言"
        if any(item.id == anchor for item in group.items):
            return f"{prefix}第{number}项"
    raise KeyError(anchor)


def part_name(notice: Notice, part_id: str) -> str:
    """A clause or attachment by number and title; the preamble as 通知开头."""
    return anchor_label(notice, PREAMBLE) if part_id == PREAMBLE else notice.part(part_id).name


def _short_label(notice: Notice, part: Clause | Attachment, anchor: str) -> str:
    """How a plain line names a sentence it cites: 第2句 on the part's own page, （三）第1句 from another."""
    if anchor == part.id:
        return "标题"
    label = anchor_label(notice, anchor)
    return label.removeprefix(part.label).strip() if notice.page_of(anchor) == part.page else label


@dataclass(frozen=True)
class PlainText:
    """A run of a plain line: text, or the name of another part linked to its page."""

    text: str
    part: Clause | Attachment | None = None


@dataclass(frozen=True)
class PlainLineView:
    """A plain line as the page shows it: its runs, a link to each sentence it cites, the status of each
    deadline it states (a dated fact of a cited sentence that closes something, whose value the line repeats)."""

    runs: tuple[PlainText, ...]
    cites: tuple[tuple[str, str], ...]  # (anchor, label)
    deadlines: tuple[Fact, ...]


@dataclass(frozen=True)
class PlainView:
    one_line: PlainLineView
    government_only: PlainLineView | None
    blocks: tuple[tuple[str, tuple[PlainLineView, ...]], ...]  # (heading, lines)


def _plain_line(notice: Notice, part: Clause | Attachment, line: PlainLine) -> PlainLineView:
    runs, position = [], 0
    for start, end, part_id in part_reference_spans(line.text):
        runs += [PlainText(line.text[position:start]), PlainText(line.text[start:end], notice.part(part_id))]
        position = end
    runs.append(PlainText(line.text[position:]))
    deadlines: dict[tuple, Fact] = {}  # one status per date and wording, though two facts may record it
    for fact in (fact for p in notice.parts for fact in p.explanation.facts):
        if fact.closes and fact.cite in line.cite and fact.value in line.text:
            deadlines.setdefault((fact.date, fact.value), fact)
    return PlainLineView(
        runs=tuple(run for run in runs if run.text),
        cites=tuple((anchor, _short_label(notice, part, anchor)) for anchor in line.cite),
        deadlines=tuple(deadlines.values()),
    )


def plain_view(notice: Notice, part: Clause | Attachment) -> PlainView:
    """The plain-language part of a page: the one-liner, the line for a clause that only instructs government
    bodies (resting on the whole clause), then each block with its lines."""
    plain = part.explanation.plain
    assert plain is not None
    return PlainView(
        one_line=_plain_line(notice, part, plain.one_line),
        government_only=(PlainLineView((PlainText(GOVERNMENT_ONLY),), ((part.id, "本条全文"),), ())
                         if plain.government_only else None),
        blocks=tuple((heading, tuple(_plain_line(notice, part, line) for line in lines))
                     for _, heading, lines in plain.blocks),
    )


def _part_context(notice: Notice, part: Clause | Attachment, uses: SelfCheckUses) -> dict[str, Any]:
    sentences = part.sentences
    marked = mark_terms([s.text for s in sentences], notice.glossary)
    return {
        "part": part,
        "plain": plain_view(notice, part),
        "marked": dict(zip((s.id for s in sentences), marked, strict=True)),
        "cited": cited_references(notice, part.id),
        "related": [notice.part(i) for i in part.explanation.related],
        "audiences": [a for a in notice.audiences if a.id in part.explanation.audiences],
        "self_check": uses.of(part.id),
        "self_check_facts": uses.facts,
    }


def pages(notice: Notice, today: datetime.date) -> Iterator[Page]:
    """Every generated page with its template and the data it shows."""
    entries = timeline(notice, today)
    uses = self_check_uses(notice)
    yield Page("index.md", "home.md.j2", {
        "timeline": entries,
        "audience_parts": {
            a.id: [p for p in notice.parts if a.id in p.explanation.audiences] for a in notice.audiences
        },
    })
    yield Page("notice.md", "notice.md.j2")
    yield Page("clauses/index.md", "clauses.md.j2")
    for section in notice.sections:
        for clause in section.clauses:
            yield Page(clause.page, "clause.md.j2", {"section": section, **_part_context(notice, clause, uses)})
    for attachment in notice.attachments:
        yield Page(attachment.page, "attachment.md.j2", _part_context(notice, attachment, uses))
    yield Page("timeline.md", "timeline.md.j2", {"timeline": entries})
    yield Page("glossary.md", "glossary.md.j2", {
        "uses": {t.id: term_occurrences(notice, t) for t in notice.glossary},
    })
    yield Page("references.md", "references.md.j2", {
        "uses": {r.id: reference_occurrences(notice, r) for r in notice.references},
    })
    yield Page("about/index.md", "about.md.j2")


def render_pages(notice: Notice, today: datetime.date, selfcheck_page: str) -> dict[str, str]:
    """Every generated page's Markdown by its path in the docs dir (linking the self-check at `selfcheck_page`)."""
    env = _environment()
    rendered = {}
    for page in pages(notice, today):
        context = {
            "notice": notice,
            "doc": notice.document,
            "today": today,
            "page": page.path,
            "selfcheck_page": selfcheck_page,
            "link": functools.partial(markdown.relative, page.path),
            "cite": lambda anchor, page=page: markdown.relative(page.path, notice.page_of(anchor), anchor),
            "status": lambda fact: status_of(fact, today),
            "anchor_label": functools.partial(anchor_label, notice),
            "part_name": functools.partial(part_name, notice),
            **page.context,
        }
        rendered[page.path] = env.get_template(page.template).render(context)
    return rendered

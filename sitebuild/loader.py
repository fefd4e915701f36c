"""Load notice/*.yaml into a `Notice`, or fail naming the file, the path inside it and what is wrong.

Every problem in every file is collected before failing, so one run shows all of them.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from .figures import disagreement
from .grounding import part_references, ungrounded
from .model import (
    FACT_KINDS,
    FIGURE_TYPES,
    PLAIN_BLOCKS,
    PREAMBLE,
    Attachment,
    Audience,
    Clause,
    Correction,
    Document,
    Explanation,
    Fact,
    Figure,
    ItemGroup,
    Notice,
    Plain,
    PlainLine,
    Reference,
    Section,
    Sentence,
    Signatory,
    Term,
)

CLAUSE_IDS = tuple(f"c{n:02d}" for n in range(1, 19))
# How the notice numbers its clauses: （一） … （十八）.
CLAUSE_NUMBERS = tuple(f"（{n}）" for n in "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八".split())
ATTACHMENT_IDS = ("a1", "a2")
EXPLANATION_KEYS = {"plain", "audiences", "facts", "related"}
PLAIN_KEYS = {"one_line", *(name for name, _ in PLAIN_BLOCKS), "government_only"}
FACT_KEYS = {"label", "value", "cite", "kind", "date", "closes", "note", "id", "words", *FIGURE_TYPES}
ID = re.compile(r"[a-z0-9][a-z0-9-]*")  # ascii slug: glossary terms, references, audiences, figures


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '(whole file)'}: {self.message}"


class NoticeDataError(Exception):
    """The notice data is invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("notice data is invalid:\n" + "\n".join(f"  {p}" for p in problems))


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key repeated in one mapping instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping
)
# Dates stay text here and are checked by `_File.date`, so 2021-13-31 is reported, not a crash; decimals stay
# text too, so a figure's 0.20 is Decimal("0.20") as written, never a float.
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
_StrictLoader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: loader.construct_scalar(node))


class _File:
    """One YAML file being read; typed getters record problems instead of raising."""

    def __init__(self, path: Path, root: Path, problems: list[Problem]) -> None:
        self.name = path.relative_to(root.parent).as_posix()
        self.problems = problems
        self.data: Any = None
        try:
            self.data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
        except yaml.YAMLError as error:
            self.problem("", f"not valid YAML: {error}".replace("\n", " "))
        except (OSError, UnicodeDecodeError) as error:
            self.problem("", f"cannot be read: {error}")

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.name, path, message))

    def mapping(self, value: Any, path: str, keys: set[str], required: set[str]) -> dict | None:
        """`value` as a mapping with only `keys`, all of `required` present; None if it is not one."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, found {_kind(value)}")
            return None
        for key in value.keys() - keys:
            self.problem(_join(path, str(key)), f"unknown key (expected one of: {', '.join(sorted(keys))})")
        for key in sorted(required - value.keys()):
            self.problem(_join(path, key), "missing")
        return value

    def text(self, obj: dict, path: str, key: str, *, empty_ok: bool = False) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        where = _join(path, key)
        if not isinstance(value, str):
            self.problem(where, f"expected text, found {_kind(value)}")
            return None
        if not empty_ok and not value.strip():
            self.problem(where, "is empty")
        elif value != value.strip():
            self.problem(where, "has leading or trailing whitespace")
        return value

    def date(self, obj: dict, path: str, key: str) -> datetime.date | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(_join(path, key), f"{value!r} is not a date (write YYYY-MM-DD)")
        return None

    def items(self, obj: dict, path: str, key: str) -> Iterator[tuple[str, Any]]:
        """(path, value) of each entry of the list at `key`; nothing if absent or not a list."""
        value = obj.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(_join(path, key), f"expected a list, found {_kind(value)}")
            return
        for index, item in enumerate(value):
            yield f"{_join(path, key)}[{index}]", item

    def texts(self, obj: dict, path: str, key: str) -> list[str]:
        found = []
        for where, item in self.items(obj, path, key):
            if isinstance(item, str) and item.strip():
                found.append(item)
            else:
                self.problem(where, f"expected non-empty text, found {_kind(item)}")
        return found


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: f"text {value!r}"}.get(type(value), f"{type(value).__name__} {value!r}")


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


class _NoticeReader:
    """Reads every file of notice/ in turn, then checks the references between them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        # (file, path, check) collected while reading, run once the whole notice is read
        self.pending: list[tuple[_File, str, Callable[[], str | None]]] = []
        self.notice: Notice | None = None
        self.all_text = ""
        self.figure_ids: dict[str, str] = {}  # figure id → where it was first declared

    def open(self, relative: str) -> _File | None:
        path = self.root / relative
        if not path.is_file():
            return None
        return _File(path, self.root, self.problems)

    def missing(self, relative: str, message: str) -> None:
        self.problems.append(Problem(f"{self.root.name}/{relative}", "", message))

    def later(self, file: _File, path: str, check: Callable[[], str | None]) -> None:
        self.pending.append((file, path, check))

    # -- the files ---------------------------------------------------------------------------

    def read(self) -> Notice:
        document = self.document()
        clauses = self.clauses()
        attachments = self.attachments()
        audiences = self.audiences()
        glossary = self.glossary()
        references = self.references()
        corrections, layout = self.corrections()
        if document is None:
            raise NoticeDataError(self.problems)
        sections = tuple(
            Section(number, title, tuple(c for c in clauses if c.section == index))
            for index, (number, title) in enumerate(document[1], start=1)
        )
        notice = Notice(
            document=document[0],
            sections=sections,
            attachments=attachments,
            audiences=audiences,
            glossary=glossary,
            references=references,
            corrections=corrections,
            layout_notes=layout,
        )
        self.cross_check(notice)
        if self.problems:
            raise NoticeDataError(self.problems)
        return notice

    def document(self) -> tuple[Document, list[tuple[str, str]]] | None:
        f = self.open("document.yaml")
        if f is None:
            self.missing("document.yaml", "missing: the notice's document file")
            return None
        keys = {
            "number", "title", "letterhead", "issuers", "recipients", "preamble", "sections",
            "attachments_list", "signature", "signed_on", "signed_on_text", "publication",
            "imprint", "source",
        }
        d = f.mapping(f.data, "", keys, keys)
        if d is None:
            return None
        sections = []
        for where, item in f.items(d, "", "sections"):
            s = f.mapping(item, where, {"number", "title"}, {"number", "title"})
            if s is not None:
                sections.append((f.text(s, where, "number"), f.text(s, where, "title")))
        titles: dict[str, str] = {}
        label = None
        listing = f.mapping(d.get("attachments_list", {}), "attachments_list", {"label", "items"}, {"label", "items"})
        if listing is not None:
            label = f.text(listing, "attachments_list", "label")
            for where, item in f.items(listing, "attachments_list", "items"):
                a = f.mapping(item, where, {"id", "text"}, {"id", "text"})
                if a is not None and (text := f.text(a, where, "text")) is not None:
                    if a.get("id") not in ATTACHMENT_IDS:
                        f.problem(_join(where, "id"), f"{a.get('id')!r} is not an attachment id ({', '.join(ATTACHMENT_IDS)})")
                    elif a["id"] in titles:
                        f.problem(_join(where, "id"), f"duplicate id {a['id']!r}")
                    else:
                        titles[a["id"]] = text
        signature = []
        for where, item in f.items(d, "", "signature"):
            if isinstance(item, str):
                signature.append(Signatory(item))
            elif (s := f.mapping(item, where, {"name", "note"}, {"name"})) is not None:
                signature.append(Signatory(f.text(s, where, "name") or "", f.text(s, where, "note")))
        imprint = f.mapping(d.get("imprint", {}), "imprint", {"office", "printed_on", "printed_on_text"}, {"office", "printed_on", "printed_on_text"}) or {}
        source = f.mapping(d.get("source", {}), "source", {"file", "description"}, {"file", "description"}) or {}
        if len(sections) != 5:
            f.problem("sections", f"expected the notice's 5 section headings, found {len(sections)}")
        document = Document(
            number=f.text(d, "", "number") or "",
            title=f.text(d, "", "title") or "",
            letterhead=f.text(d, "", "letterhead") or "",
            issuers=tuple(f.texts(d, "", "issuers")),
            recipients=f.text(d, "", "recipients") or "",
            preamble=tuple(f.texts(d, "", "preamble")),
            attachments_label=label or "",
            attachment_titles=titles,
            signature=tuple(signature),
            signed_on=f.date(d, "", "signed_on") or datetime.date.min,
            signed_on_text=f.text(d, "", "signed_on_text") or "",
            publication=f.text(d, "", "publication") or "",
            imprint_office=f.text(imprint, "imprint", "office") or "",
            printed_on=f.date(imprint, "imprint", "printed_on") or datetime.date.min,
            printed_on_text=f.text(imprint, "imprint", "printed_on_text") or "",
            source_file=f.text(source, "source", "file") or "",
            source_description=f.text(source, "source", "description") or "",
        )
        return document, sections

    def clauses(self) -> tuple[Clause, ...]:
        found: dict[str, tuple[Clause, str]] = {}
        clause_dir = self.root / "clauses"
        on_disk = sorted(p.stem for p in clause_dir.glob("*.yaml")) if clause_dir.is_dir() else []
        for stem in on_disk:
            if stem not in CLAUSE_IDS:
                self.missing(f"clauses/{stem}.yaml", f"unexpected file: clause files are {CLAUSE_IDS[0]}.yaml … {CLAUSE_IDS[-1]}.yaml")
        for clause_id in CLAUSE_IDS:
            f = self.open(f"clauses/{clause_id}.yaml")
            if f is None:
                self.missing(f"clauses/{clause_id}.yaml", f"missing clause {clause_id}: the notice has 18 clauses, c01 … c18")
                continue
            keys = {"id", "number", "section", "heading", "text"} | EXPLANATION_KEYS
            d = f.mapping(f.data, "", keys, {"id", "number", "section", "heading", "text", "plain"})
            if d is None:
                continue
            own_id = d.get("id")
            if own_id != clause_id:
                f.problem("id", f"{own_id!r} does not match the file name (expected {clause_id!r})")
            if own_id in found and own_id != clause_id:
                f.problem("id", f"duplicate id {own_id!r}: already used by {found[own_id][1]}")
            number = f.text(d, "", "number")
            expected_number = CLAUSE_NUMBERS[CLAUSE_IDS.index(clause_id)]
            if number is not None and number != expected_number:
                f.problem("number", f"{number!r} is not how the notice numbers {clause_id} ({expected_number})")
            section = d.get("section")
            if not isinstance(section, int) or isinstance(section, bool) or not 1 <= section <= 5:
                f.problem("section", f"{section!r} is not a section number 1 … 5")
            heading = f.text(d, "", "heading") or ""
            texts = self.sentence_texts(f, d, "", "text")
            if not texts and d.get("text") is not None and isinstance(d.get("text"), list):
                f.problem("text", "is empty: a clause has at least one sentence")
            sentences = tuple(Sentence(f"{clause_id}-{n}", t) for n, t in enumerate(texts, start=1))
            clause = Clause(
                id=clause_id,
                number=number or "",
                section=section if isinstance(section, int) else 0,
                heading=heading,
                sentences=sentences,
                explanation=self.explanation(f, d, clause_id, sentences),
            )
            found[clause_id] = (clause, f.name)
        return tuple(clause for clause, _ in found.values())

    def sentence_texts(self, f: _File, obj: dict, path: str, key: str) -> list[str]:
        """The list of sentences at `key`; each must be exactly one sentence ending in 。."""
        texts = f.texts(obj, path, key)
        for index, text in enumerate(texts):
            where = f"{_join(path, key)}[{index}]"
            if text != text.strip():
                f.problem(where, "has leading or trailing whitespace")
            pieces = split_sentences(text)
            if len(pieces) > 1:
                f.problem(where, f"holds {len(pieces)} sentences (split at each 。 outside brackets): one sentence an item")
            elif not text.endswith("。"):
                f.problem(where, "does not end with 。")
        return texts

    def attachments(self) -> tuple[Attachment, ...]:
        attachments = []
        for attachment_id in ATTACHMENT_IDS:
            relative = f"attachments/{attachment_id}.yaml"
            f = self.open(relative)
            if f is None:
                self.missing(relative, f"missing attachment {attachment_id}")
                continue
            keys = {"id", "label", "title", "intro", "items", "groups"} | EXPLANATION_KEYS
            d = f.mapping(f.data, "", keys, {"id", "label", "title", "plain"})
            if d is None:
                continue
            if d.get("id") != attachment_id:
                f.problem("id", f"{d.get('id')!r} does not match the file name (expected {attachment_id!r})")
            intro_text = f.text(d, "", "intro")
            intro = Sentence(f"{attachment_id}-intro", intro_text) if intro_text else None
            if ("items" in d) == ("groups" in d):
                f.problem("", "needs exactly one of `items` (a numbered list) or `groups` (numbered lists under headings)")
            groups: list[ItemGroup] = []
            if "items" in d:
                items = f.texts(d, "", "items")
                groups.append(ItemGroup(None, None, None, tuple(
                    Sentence(f"{attachment_id}-{n}", t) for n, t in enumerate(items, start=1)
                )))
            for group_index, (where, item) in enumerate(f.items(d, "", "groups"), start=1):
                g = f.mapping(item, where, {"number", "title", "intro", "items"}, {"number", "title", "items"})
                if g is None:
                    continue
                prefix = f"{attachment_id}-{group_index}"
                group_intro = f.text(g, where, "intro")
                groups.append(ItemGroup(
                    number=f.text(g, where, "number"),
                    title=f.text(g, where, "title"),
                    intro=Sentence(f"{prefix}-intro", group_intro) if group_intro else None,
                    items=tuple(Sentence(f"{prefix}-{n}", t) for n, t in enumerate(f.texts(g, where, "items"), start=1)),
                ))
            attachment = Attachment(
                id=attachment_id,
                label=f.text(d, "", "label") or "",
                title=f.text(d, "", "title") or "",
                intro=intro,
                groups=tuple(groups),
                explanation=Explanation(),
            )
            explanation = self.explanation(f, d, attachment_id, attachment.sentences)
            attachments.append(dataclasses.replace(attachment, explanation=explanation))
        return tuple(attachments)

    def explanation(self, f: _File, d: dict, own_id: str, sentences: tuple[Sentence, ...]) -> Explanation:
        by_id = {s.id: s.text for s in sentences}
        facts = []
        for where, item in f.items(d, "", "facts"):
            x = f.mapping(item, where, FACT_KEYS, {"label", "value", "cite", "kind"})
            if x is None:
                continue
            value, cite, kind = f.text(x, where, "value"), f.text(x, where, "cite"), x.get("kind")
            if cite is not None:
                if cite not in by_id:
                    f.problem(_join(where, "cite"), f"{cite!r} is not a sentence of {own_id} ({', '.join(by_id)})")
                elif value is not None and value not in by_id[cite]:
                    f.problem(_join(where, "value"), f"{value!r} does not occur verbatim in {cite}")
            if kind not in FACT_KINDS:
                f.problem(_join(where, "kind"), f"{kind!r} is not one of {', '.join(FACT_KINDS)}")
            date = f.date(x, where, "date")
            if kind == "date" and "date" not in x:
                f.problem(_join(where, "date"), "missing: a fact of kind date needs its date (YYYY-MM-DD)")
            if "closes" in x and "date" not in x:
                f.problem(_join(where, "closes"), "needs a `date`: what closes, closes on a date")
            facts.append(Fact(
                label=f.text(x, where, "label") or "",
                value=value or "",
                cite=cite or "",
                kind=str(kind),
                date=date,
                closes=f.text(x, where, "closes"),
                note=f.text(x, where, "note"),
                figure=self.figure(f, x, where, value, cite, date),
            ))
        audiences = self.ids(f, d, "audiences")
        self.later(f, "audiences", lambda: self.unknown(audiences, {a.id for a in self.notice.audiences}, "audiences.yaml"))
        related = self.ids(f, d, "related")
        if own_id in related:
            f.problem("related", f"lists {own_id} itself")
        self.later(f, "related", lambda: self.unknown(related, {p.id for p in self.notice.parts}, "the clauses and attachments"))
        return Explanation(
            plain=self.plain(f, d, own_id),
            audiences=tuple(audiences),
            facts=tuple(facts),
            related=tuple(related),
        )

    def figure(self, f: _File, x: dict, where: str, value: str | None, cite: str | None,
               date: datetime.date | None) -> Figure | None:
        """The fact's figure: its `id`, its typed value (one of FIGURE_TYPES, or a fact of kind date's `date`) and
        its `words` (the whole value unless given), which must be part of the value and state the typed value."""
        typed = [key for key in FIGURE_TYPES if key in x]
        figure_id = x.get("id")
        if figure_id is None:
            for key in (*typed, *(["words"] if "words" in x else [])):
                f.problem(_join(where, key), "needs an `id`: only a figure a rule reads has a typed value")
            return None
        if not (isinstance(figure_id, str) and ID.fullmatch(figure_id)):
            f.problem(_join(where, "id"), f"{figure_id!r} is not an id (lower-case ASCII letters, digits and -)")
            return None
        if figure_id in self.figure_ids:
            f.problem(_join(where, "id"), f"duplicate id {figure_id!r}: already used by {self.figure_ids[figure_id]}")
        self.figure_ids.setdefault(figure_id, f"{f.name} {where}")
        if x.get("kind") == "date" and not typed:
            type_, typed_value = "date", date
        elif len(typed) == 1 and x.get("kind") != "date":
            type_ = typed[0]
            typed_value = self.typed(f, _join(where, type_), type_, x[type_])
        else:
            f.problem(where, f"a figure has exactly one typed value: {', '.join(FIGURE_TYPES)}, or for kind date its `date`")
            return None
        words = f.text(x, where, "words") or value
        if words is None or value is None or cite is None or typed_value is None:
            return None
        if words not in value:
            f.problem(_join(where, "words"), f"{words!r} is not part of the value {value!r}")
            return None
        self.later(f, _join(where, type_), lambda: disagreement(words, type_, typed_value, self.notice.document.signed_on))
        return Figure(figure_id, typed_value, words, cite)

    def typed(self, f: _File, where: str, type_: str, raw: Any) -> int | Decimal | Fraction | None:
        """A typed value as written: a whole number (count, months), a decimal (money, rate) or a/b (fraction)."""
        text = str(raw)
        if type_ in ("count", "months") and isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return raw
        if type_ in ("money", "rate") and not isinstance(raw, bool) and re.fullmatch(r"\d+(\.\d+)?", text):
            return Decimal(text)
        if type_ == "fraction" and re.fullmatch(r"[1-9]\d*/[1-9]\d*", text):
            return Fraction(text)
        shape = {"count": "a whole number", "months": "a whole number of months", "money": "a number of 元",
                 "rate": "a decimal (6％ is 0.06)", "fraction": "a fraction a/b"}[type_]
        f.problem(where, f"{raw!r} is not {shape}")
        return None

    def plain(self, f: _File, d: dict, own_id: str) -> Plain | None:
        """The plain-language part; each line's figures and offices are checked once the whole notice is read."""
        p = f.mapping(d["plain"], "plain", PLAIN_KEYS, {"one_line"}) if "plain" in d else None
        if p is None:
            return None
        government_only = p.get("government_only", False)
        if not isinstance(government_only, bool):
            f.problem("plain.government_only", f"expected true or false, found {_kind(government_only)}")
        elif government_only and own_id not in CLAUSE_IDS:
            f.problem("plain.government_only", "only a clause can instruct government bodies alone")
        elif government_only and "how" in p:
            f.problem("plain.how", "a clause that only instructs government bodies has nothing to apply for: "
                                   "drop `how` or `government_only`")
        if not government_only and "who" not in p:
            f.problem("plain.who", "missing: say who the part is for, or mark a clause `government_only: true`")
        one_line = self.plain_line(f, p["one_line"], "plain.one_line") if "one_line" in p else None
        blocks = {
            name: tuple(line for where, item in f.items(p, "plain", name) if (line := self.plain_line(f, item, where)))
            for name, _ in PLAIN_BLOCKS
        }
        for name, lines in blocks.items():
            if name in p and not lines and isinstance(p[name], list):
                f.problem(f"plain.{name}", "is empty: leave out a block the part has nothing for")
        if one_line is None:
            return None
        return Plain(one_line=one_line, government_only=government_only is True, **blocks)

    def plain_line(self, f: _File, value: Any, where: str) -> PlainLine | None:
        x = f.mapping(value, where, {"text", "cite"}, {"text", "cite"})
        if x is None:
            return None
        text, cite = f.text(x, where, "text"), f.texts(x, where, "cite")
        if isinstance(x.get("cite"), list) and not x["cite"]:
            f.problem(_join(where, "cite"), "is empty: every line cites the sentences it rests on")
        for index, anchor in enumerate(cite):
            if anchor in cite[:index]:
                f.problem(f"{_join(where, 'cite')}[{index}]", f"cites {anchor!r} twice")
        if text is None or not cite:
            return None
        line = PlainLine(text, tuple(cite))
        self.later(f, where, lambda: self.check_plain_line(line))
        return line

    def ids(self, f: _File, d: dict, key: str) -> list[str]:
        ids = f.texts(d, "", key)
        for index, value in enumerate(ids):
            if value in ids[:index]:
                f.problem(f"{key}[{index}]", f"duplicate id {value!r}")
        return ids

    @staticmethod
    def unknown(ids: list[str], known: set[str], where: str) -> str | None:
        missing = [i for i in ids if i not in known]
        return f"{', '.join(map(repr, missing))} does not exist in {where}" if missing else None

    def listing(self, relative: str, top: str, keys: set[str], required: set[str]) -> list[tuple[_File, str, dict]]:
        """The entries of an optional file `{top: [mapping, ...]}`, with duplicate ids reported."""
        f = self.open(relative)
        if f is None:
            return []
        d = f.mapping(f.data, "", {top}, {top})
        if d is None:
            return []
        entries, seen = [], {}
        for where, item in f.items(d, "", top):
            x = f.mapping(item, where, keys, required)
            if x is None:
                continue
            entry_id = x.get("id")
            if entry_id is None:
                continue
            if entry_id in seen:
                f.problem(_join(where, "id"), f"duplicate id {entry_id!r}: already used by {seen[entry_id]}")
                continue
            if not (isinstance(entry_id, str) and ID.fullmatch(entry_id)):
                f.problem(_join(where, "id"), f"{entry_id!r} is not an id (lower-case ASCII letters, digits and -)")
                continue
            seen[entry_id] = where
            entries.append((f, where, x))
        return entries

    def audiences(self) -> tuple[Audience, ...]:
        keys = {"id", "name", "description"}
        return tuple(
            Audience(x["id"], f.text(x, w, "name") or "", f.text(x, w, "description") or "")
            for f, w, x in self.listing("audiences.yaml", "audiences", keys, keys)
        )

    def glossary(self) -> tuple[Term, ...]:
        terms = []
        spelled: dict[str, str] = {}
        keys = {"id", "term", "aliases", "definition", "cite", "source"}
        for f, w, x in self.listing("glossary.yaml", "terms", keys, {"id", "term", "definition"}):
            term = f.text(x, w, "term") or ""
            forms = (term, *f.texts(x, w, "aliases"))
            for form in forms:
                if form in spelled:
                    f.problem(w, f"spelling {form!r} is already used by {spelled[form]}")
                spelled[form] = w
            cite, source = f.text(x, w, "cite"), x.get("source")
            if (cite is None) == (source is None):
                f.problem(w, "needs exactly one of `cite` (the sentence where the notice defines the term) or `source: general`")
            elif source is not None and source != "general":
                f.problem(_join(w, "source"), f"{source!r} is not a source (the only one is: general)")
            if cite is not None:
                self.later(f, _join(w, "cite"), lambda cite=cite, forms=forms: self.check_term_cite(cite, forms))
            self.later(f, w, lambda forms=forms: None if any(self.occurs(s) for s in forms) else f"{forms[0]!r} occurs nowhere in the notice's text")
            terms.append(Term(x["id"], term, f.text(x, w, "definition") or "", forms, cite))
        return tuple(terms)

    def references(self) -> tuple[Reference, ...]:
        references = []
        keys = {"id", "number", "title", "issuer", "match"}
        for f, w, x in self.listing("references.yaml", "documents", keys, {"id", "title", "match"}):
            match = tuple(f.texts(x, w, "match"))
            if not match and isinstance(x.get("match"), list):
                f.problem(_join(w, "match"), "is empty: give the text that finds this document's citations")
            for index, text in enumerate(match):
                self.later(f, f"{_join(w, 'match')}[{index}]", lambda text=text: None if self.occurs(text) else f"{text!r} occurs nowhere in the notice's text")
            references.append(Reference(
                x["id"], f.text(x, w, "title") or "", f.text(x, w, "number"), f.text(x, w, "issuer"), match
            ))
        return tuple(references)

    def corrections(self) -> tuple[tuple[Correction, ...], tuple[str, ...]]:
        f = self.open("corrections.yaml")
        if f is None:
            self.missing("corrections.yaml", "missing: the corrections log")
            return (), ()
        d = f.mapping(f.data, "", {"corrections", "layout"}, {"corrections", "layout"})
        if d is None:
            return (), ()
        corrections = []
        for where, item in f.items(d, "", "corrections"):
            keys = {"where", "original", "corrected", "kind", "reason"}
            x = f.mapping(item, where, keys, keys)
            if x is None:
                continue
            correction = Correction(**{k: f.text(x, where, k) or "" for k in keys})
            corrections.append(correction)
            self.later(f, where, lambda c=correction: self.check_correction(c))
        return tuple(corrections), tuple(f.texts(d, "", "layout"))

    # -- checks that need the whole notice ---------------------------------------------------------

    def cross_check(self, notice: Notice) -> None:
        self.notice = notice
        self.all_text = "\n".join(s.text for part in notice.parts for s in part.sentences) + "\n" + "\n".join(
            (*notice.document.preamble, *(c.heading for c in notice.clauses))
        )
        for f, path, check in self.pending:
            if (message := check()) is not None:
                f.problem(path, message)

    def occurs(self, text: str) -> bool:
        return text in self.all_text

    def check_term_cite(self, cite: str, forms: tuple[str, ...]) -> str | None:
        if not self.notice.has_anchor(cite):
            return f"{cite!r} is not an anchor of a clause sentence or attachment item"
        if not any(form in self.notice.text_of(cite) for form in forms):
            return f"{cite} does not contain {forms[0]!r}"
        return None

    def check_plain_line(self, line: PlainLine) -> str | None:
        """A line may only cite the notice's sentences (or a part's own heading) and only point to its parts, and
        every figure and office it names must stand in the sentences it cites."""
        unknown = [a for a in line.cite if a == PREAMBLE or not self.notice.has_anchor(a)]
        if unknown:
            return f"cites {', '.join(map(repr, unknown))}, not a sentence of the notice"
        parts = {part.id for part in self.notice.parts}
        pointed = [part for part in part_references(line.text) if part not in parts]
        if pointed:
            return f"points to {', '.join(pointed)}, which the notice does not have"
        problems = ungrounded(line.text, "\n".join(self.notice.text_of(a) for a in line.cite))
        if problems:
            return f"{'; '.join(problems)} ({', '.join(line.cite)}): {line.text!r}"
        return None

    def check_correction(self, correction: Correction) -> str | None:
        if not self.notice.has_anchor(correction.where):
            return f"where: {correction.where!r} is not an anchor of a clause sentence or attachment item"
        if correction.corrected not in self.notice.text_of(correction.where):
            return f"corrected: {correction.corrected!r} does not occur in {correction.where}"
        return None


def load_notice(root: Path) -> Notice:
    """Read and validate the notice's data directory; raise `NoticeDataError` listing every problem."""
    return _NoticeReader(root).read()

"""Load notice/*.yaml into a `Notice`, or fail naming the file, the path inside it and what is wrong.

Each file is read as YAML and validated by its model of `sitebuild.schema`; the rules between fields and files are
`sitebuild.checks`'. Every problem in every file is collected before failing, so one run shows all of them: a file
the schema refuses in part keeps the keys it did read for the checks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from .checks import CLAUSE_IDS, Files, check
from .model import Attachment, Clause, Document, Explanation, Fact, Figure, ItemGroup, Notice, Section, Sentence
from .schema import (
    ATTACHMENT_IDS, AttachmentFile, AudiencesFile, ClauseFile, CorrectionsFile, DocumentFile, Explained, FactEntry,
    GlossaryFile, ReferencesFile, Strict, model_in,
)

__all__ = ["NoticeDataError", "Problem", "load_notice"]


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
# Dates stay text here and are checked by `schema.Date`, so 2021-13-31 is reported, not a crash; decimals stay
# text too, so a figure's 0.20 is Decimal("0.20") as written, never a float.
def _as_written(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    assert isinstance(node, yaml.ScalarNode)
    return loader.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_written)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _as_written)


Model = TypeVar("Model", bound=Strict)
# What pydantic's own errors say here, by their type; the schema's own words come through as written.
WORDING = {
    "string_type": "expected text", "tuple_type": "expected a list", "list_type": "expected a list",
    "model_type": "expected a mapping", "model_attributes_type": "expected a mapping", "dict_type": "expected a mapping",
    "bool_type": "expected true or false",
}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: f"text {value!r}"}
    return names.get(type(value), f"{type(value).__name__} {value!r}")


def _path(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).removeprefix(".")


def _model_at(model: type[Strict], loc: tuple[int | str, ...]) -> type[Strict]:
    """The model whose mapping stands at `loc` (list indices pass to the list's items)."""
    for step in loc:
        if isinstance(step, str) and step in model.model_fields:
            model = model_in(model.model_fields[step].annotation) or model
    return model


def _message(error: Any, model: type[Strict]) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        keys = _model_at(model, loc[:-1]).model_fields
        return f"unknown key (expected one of: {', '.join(sorted(keys))})"
    if kind in WORDING:
        return f"{WORDING[kind]}, found {_kind(error['input'])}"
    return str(error["msg"])


@cache
def _field_adapter(model: type[Strict], name: str) -> TypeAdapter[Any]:
    """Validates one key of `model` alone, as the model would (its type and its validators)."""
    field = model.model_fields[name]
    alone: Any = Annotated[field.annotation, field]
    return TypeAdapter(alone)


def _partial(model: type[Model], data: dict) -> Model:
    """What `model` accepts of `data`, key by key (a mapping it refuses, key by key too); a refused key is None."""
    values: dict[str, Any] = {}
    for key, field in model.model_fields.items():
        try:
            values[key] = _field_adapter(model, key).validate_python(data[key])
        except KeyError:
            values[key] = None if field.is_required() else field.get_default(call_default_factory=True)
        except ValidationError:
            inner = model_in(field.annotation, items=False)
            values[key] = _partial(inner, data[key]) if inner and isinstance(data[key], dict) else None
    return model.model_construct(**values)


class _Reader:
    """Reads every file of notice/ in turn, then checks the rules between fields and files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.files = Files()

    def problem(self, relative: str, path: str, message: str) -> None:
        self.problems.append(Problem(f"{self.root.name}/{relative}", path, message))

    def read(self, relative: str, model: type[Model], missing: str | None) -> tuple[str, Model] | None:
        """The file as its model, or as much of it as the model accepts (each key of the file alone); None when
        it is absent (a problem unless `missing` is None), not YAML or not a mapping."""
        path, name = self.root / relative, f"{self.root.name}/{relative}"
        if not path.is_file():
            if missing is not None:
                self.problem(relative, "", missing)
            return None
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
        except yaml.YAMLError as error:
            self.problem(relative, "", f"not valid YAML: {error}".replace("\n", " "))
            return None
        except (OSError, UnicodeDecodeError) as error:
            self.problem(relative, "", f"cannot be read: {error}")
            return None
        try:
            return name, model.model_validate(data)
        except ValidationError as error:
            self.problems += [Problem(name, _path(e["loc"]), _message(e, model)) for e in error.errors()]
        return (name, _partial(model, data)) if isinstance(data, dict) else None

    def notice(self) -> Notice:
        files = self.files
        files.document = self.read("document.yaml", DocumentFile, "missing: the notice's document file")
        for stem in sorted(p.stem for p in (self.root / "clauses").glob("*.yaml")):
            if stem not in CLAUSE_IDS:
                self.problem(f"clauses/{stem}.yaml", "",
                             f"unexpected file: clause files are {CLAUSE_IDS[0]}.yaml … {CLAUSE_IDS[-1]}.yaml")
        for clause_id in CLAUSE_IDS:
            if clause := self.read(f"clauses/{clause_id}.yaml", ClauseFile,
                                   f"missing clause {clause_id}: the notice has 18 clauses, c01 … c18"):
                files.clauses.append(clause)
        for attachment_id in ATTACHMENT_IDS:
            if attachment := self.read(f"attachments/{attachment_id}.yaml", AttachmentFile,
                                       f"missing attachment {attachment_id}"):
                files.attachments.append(attachment)
        files.audiences = self.read("audiences.yaml", AudiencesFile, None)
        files.glossary = self.read("glossary.yaml", GlossaryFile, None)
        files.references = self.read("references.yaml", ReferencesFile, None)
        files.corrections = self.read("corrections.yaml", CorrectionsFile, "missing: the corrections log")
        if files.document is None:
            raise NoticeDataError(self.problems)
        notice = _notice(files)
        self.problems += [Problem(*found) for found in check(notice, files)]
        if self.problems:
            raise NoticeDataError(self.problems)
        return notice


def _own_id(name: str) -> str:
    return name.rpartition("/")[2].removesuffix(".yaml")


def _notice(files: Files) -> Notice:
    """The notice built from what the schema read (a refused key counts as absent)."""
    assert files.document is not None
    d = files.document[1]
    clauses = [_clause(_own_id(name), clause) for name, clause in files.clauses]
    listed = d.attachments_list.items or () if d.attachments_list else ()
    titles: dict[str, str] = {}
    for item in listed:
        titles.setdefault(item.id, item.text)
    document = Document(
        number=d.number, title=d.title, letterhead=d.letterhead, issuers=d.issuers or (), recipients=d.recipients,
        preamble=d.preamble or (), attachments_label=d.attachments_list.label if d.attachments_list else "",
        attachment_titles=titles, signature=d.signature or (), signed_on=d.signed_on or datetime.date.min,
        signed_on_text=d.signed_on_text, publication=d.publication,
        imprint_office=d.imprint.office if d.imprint else "",
        printed_on=d.imprint.printed_on if d.imprint else datetime.date.min,
        printed_on_text=d.imprint.printed_on_text if d.imprint else "",
        source_file=d.source.file if d.source else "", source_description=d.source.description if d.source else "",
    )
    return Notice(
        document=document,
        sections=tuple(
            Section(heading.number, heading.title, tuple(c for c in clauses if c.section == index))
            for index, heading in enumerate(d.sections or (), start=1)
        ),
        attachments=tuple(_attachment(_own_id(name), attachment) for name, attachment in files.attachments),
        audiences=files.audiences[1].audiences or () if files.audiences else (),
        glossary=files.glossary[1].terms or () if files.glossary else (),
        references=files.references[1].documents or () if files.references else (),
        corrections=files.corrections[1].corrections or () if files.corrections else (),
        layout_notes=files.corrections[1].layout or () if files.corrections else (),
    )


def _clause(clause_id: str, c: ClauseFile) -> Clause:
    return Clause(
        id=clause_id, number=c.number or "", section=c.section or 0, heading=c.heading or "",
        sentences=tuple(Sentence(f"{clause_id}-{n}", t) for n, t in enumerate(c.text or (), start=1)),
        explanation=_explanation(c),
    )


def _attachment(attachment_id: str, a: AttachmentFile) -> Attachment:
    groups = [ItemGroup(None, None, None, _sentences(attachment_id, a.items))] if a.items is not None else []
    for index, group in enumerate(a.groups or (), start=1):
        prefix = f"{attachment_id}-{index}"
        groups.append(ItemGroup(group.number, group.title, _intro(prefix, group.intro),
                                _sentences(prefix, group.items)))
    return Attachment(id=attachment_id, label=a.label or "", title=a.title or "", intro=_intro(attachment_id, a.intro),
                      groups=tuple(groups), explanation=_explanation(a))


def _sentences(prefix: str, texts: tuple[str, ...] | None) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"{prefix}-{n}", text) for n, text in enumerate(texts or (), start=1))


def _intro(prefix: str, text: str | None) -> Sentence | None:
    return Sentence(f"{prefix}-intro", text) if text else None


def _explanation(part: Explained) -> Explanation:
    return Explanation(plain=part.plain, audiences=part.audiences or (), facts=tuple(map(_fact, part.facts or ())),
                       related=part.related or ())


def _fact(x: FactEntry) -> Fact:
    """The fact as the pages and the rules read it, with its figure if it has one that `checks` lets pass."""
    words = x.words or x.value
    figure = Figure(x.id, x.figure[1], words, x.cite) if x.id and x.figure and words in x.value else None
    return Fact(label=x.label, value=x.value, cite=x.cite, kind=x.kind, date=x.date, closes=x.closes, note=x.note,
                figure=figure)


def load_notice(root: Path) -> Notice:
    """Read and validate the notice's data directory; raise `NoticeDataError` listing every problem."""
    return _Reader(root).notice()

"""The schema of notice/ (sitebuild/schema.py): each kind of refusal names the file, the path and the problem in the
loader's words, and notice/README.md's field reference is what the schema writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_loader import _edit  # a change to one file of a copy of notice/

from sitebuild import schema
from sitebuild.loader import NoticeDataError, load_notice
from sitebuild.paths import NOTICE_DIR


CASES = {
    "unknown key in a nested mapping": (
        _edit("clauses/c01.yaml", "  one_line:", "  one_liner: x\n  one_line:"),
        "notice/clauses/c01.yaml", "plain.one_liner",
        "unknown key (expected one of: government_only, how, one_line, what, when, who)",
    ),
    "unknown key in a list's mapping": (
        _edit("audiences.yaml", "    name: 职工", "    name: 职工\n    nickname: 工人"),
        "notice/audiences.yaml", "audiences[0].nickname", "unknown key (expected one of: description, id, name)",
    ),
    "number where text is expected": (
        _edit("document.yaml", "letterhead: 文件", "letterhead: 7"),
        "notice/document.yaml", "letterhead", "expected text, found int 7",
    ),
    "text where a list is expected": (
        _edit("document.yaml", "issuers:\n", "issuers: 葫芦岛市财政局\nold_issuers:\n"),
        "notice/document.yaml", "issuers", "expected a list, found text '葫芦岛市财政局'",
    ),
    "list where a mapping is expected": (
        _edit("document.yaml", "imprint:\n", "imprint: []\nold_imprint:\n"),
        "notice/document.yaml", "imprint", "expected a mapping, found a list",
    ),
    "text where true or false is expected": (
        _edit("clauses/c01.yaml", "  one_line:", "  government_only: yes please\n  one_line:"),
        "notice/clauses/c01.yaml", "plain.government_only", "expected true or false, found text 'yes please'",
    ),
    "section out of range": (
        _edit("clauses/c02.yaml", "section: 1", "section: 6"),
        "notice/clauses/c02.yaml", "section", "6 is not a section number 1 … 5",
    ),
    "text with trailing whitespace": (
        _edit("audiences.yaml", "    name: 职工", "    name: '职工 '"),
        "notice/audiences.yaml", "audiences[0].name", "has leading or trailing whitespace",
    ),
    "missing field in a nested mapping": (
        _edit("document.yaml", "  printed_on: 2021-07-26\n", ""),
        "notice/document.yaml", "imprint.printed_on", "missing",
    ),
    "id that is not a slug": (
        _edit("audiences.yaml", "id: workers", "id: Workers"),
        "notice/audiences.yaml", "audiences[0].id", "'Workers' is not an id",
    ),
    "glossary source that is not one": (
        _edit("glossary.yaml", "    source: general", "    source: common"),
        "notice/glossary.yaml", "terms[1].source", "'common' is not a source (the only one is: general)",
    ),
    "related part that does not exist": (
        _edit("clauses/c05.yaml", "related: [", "related: [a3, "),
        "notice/clauses/c05.yaml", "related", "'a3' does not exist in the clauses and attachments",
    ),
    "glossary cite at no sentence": (
        _edit("glossary.yaml", "cite: c01-1", "cite: c01-99"),
        "notice/glossary.yaml", "terms[0].cite", "'c01-99' is not an anchor of a clause sentence or attachment item",
    ),
    "attachment with both items and groups": (
        _edit("attachments/a1.yaml", "items:", "groups: []\nitems:"),
        "notice/attachments/a1.yaml", "", "needs exactly one of `items` (a numbered list) or `groups`",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_refusal_names_file_path_and_problem(case: str, tmp_path: Path) -> None:
    change, file, path, message = CASES[case]
    root = tmp_path / "notice"
    shutil.copytree(NOTICE_DIR, root)
    change(root)
    with pytest.raises(NoticeDataError) as raised:
        load_notice(root)
    matching = [p for p in raised.value.problems if p.file == file and p.path == path and message in p.message]
    assert matching, "\n".join(map(str, raised.value.problems))


def test_a_refused_key_leaves_the_rest_of_its_file_checked(tmp_path: Path) -> None:
    root = tmp_path / "notice"
    shutil.copytree(NOTICE_DIR, root)
    _edit("clauses/c01.yaml", "  one_line:", "  one_liner: x\n  one_line:")(root)
    _edit("clauses/c01.yaml", "related: [", "related: [c19, ")(root)
    with pytest.raises(NoticeDataError) as raised:
        load_notice(root)
    assert {("plain.one_liner", "unknown key"), ("related", "'c19' does not exist")} <= {
        (p.path, p.message.partition(" (")[0].partition(" in ")[0]) for p in raised.value.problems
    }


def test_the_readme_field_reference_is_what_the_schema_writes() -> None:
    readme = schema.README.read_text(encoding="utf-8")
    assert schema.BEGIN in readme and schema.END in readme
    assert schema.readme_with_reference(readme) == readme, "run: .venv/bin/python -m sitebuild.schema"


def test_every_key_of_the_schema_has_a_description() -> None:
    rows = [line for line in schema.reference().splitlines() if line.startswith("| `")]
    assert len(rows) > 100
    assert not [row for row in rows if row.endswith("|  |")], "a key without a description"

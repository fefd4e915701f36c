"""The loader reads the real notice, and rejects each kind of bad data naming the file, the path and the problem."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.loader import NoticeDataError, load_notice
from sitebuild.schema import split_sentences
from sitebuild.model import Clause, Notice
from sitebuild.paths import NOTICE_DIR


def test_the_notice_has_five_sections_eighteen_clauses_and_two_attachments(notice: Notice) -> None:
    assert [len(section.clauses) for section in notice.sections] == [7, 3, 2, 2, 4]
    assert [clause.id for clause in notice.clauses] == [f"c{n:02d}" for n in range(1, 19)]
    assert [attachment.id for attachment in notice.attachments] == ["a1", "a2"]


def test_anchors_follow_the_readme(notice: Notice) -> None:
    c01 = notice.part("c01")
    assert isinstance(c01, Clause) and c01.sentences[0].id == "c01-1"
    assert [s.id for s in notice.part("a1").sentences] == ["a1-intro", *(f"a1-{n}" for n in range(1, 10))]
    a2 = [s.id for s in notice.part("a2").sentences]
    assert a2 == [*(f"a2-1-{n}" for n in range(1, 11)), "a2-2-intro", *(f"a2-2-{n}" for n in range(1, 6))]
    assert notice.page_of("c01-2") == "clauses/c01.md" and notice.page_of("a2-1-1") == "attachments/a2.md"


def test_sentences_split_at_full_stops_outside_brackets_and_quotes() -> None:
    text = "甲（见附件。）。乙“丙。丁”。戊。"
    assert split_sentences(text) == ["甲（见附件。）。", "乙“丙。丁”。", "戊。"]


# -- bad data -----------------------------------------------------------------------------------------------

def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    """A change to one file of a copy of notice/: replace `old` (which must occur) by `new`."""

    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}: the test needs updating"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _delete(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


BAD_DATA = {
    "missing clause": (
        _delete("clauses/c07.yaml"),
        "notice/clauses/c07.yaml", "", "missing clause c07",
    ),
    "duplicate clause id": (
        _edit("clauses/c08.yaml", "id: c08", "id: c07"),
        "notice/clauses/c08.yaml", "id", "duplicate id 'c07'",
    ),
    "duplicate glossary id": (
        _edit("glossary.yaml", "id: layoff-rate", "id: insured-unit"),
        "notice/glossary.yaml", "terms[1].id", "duplicate id 'insured-unit'",
    ),
    "duplicate key": (
        _edit("clauses/c02.yaml", "section: 1", "section: 1\nsection: 2"),
        "notice/clauses/c02.yaml", "", "duplicate key 'section'",
    ),
    "related clause that does not exist": (
        _edit("clauses/c01.yaml", "related: [", "related: [c19, "),
        "notice/clauses/c01.yaml", "related", "'c19' does not exist",
    ),
    "date that is not a date": (
        _edit("clauses/c01.yaml", "date: 2021-12-31", "date: 2021-13-31"),
        "notice/clauses/c01.yaml", "facts[3].date", "'2021-13-31' is not a date",
    ),
    "document date that is not a date": (
        _edit("document.yaml", "signed_on: 2021-07-26", "signed_on: 2021年7月26日"),
        "notice/document.yaml", "signed_on", "'2021年7月26日' is not a date",
    ),
    "fact value not in its sentence": (
        _edit("clauses/c01.yaml", "value: 6％", "value: 7％"),
        "notice/clauses/c01.yaml", "facts[0].value", "'7％' does not occur verbatim in c01-1",
    ),
    "fact citing a sentence that does not exist": (
        _edit("clauses/c01.yaml", "cite: c01-1", "cite: c01-9"),
        "notice/clauses/c01.yaml", "facts[0].cite", "'c01-9' is not a sentence of c01",
    ),
    "fact of an unknown kind": (
        _edit("clauses/c01.yaml", "kind: rate", "kind: ratio"),
        "notice/clauses/c01.yaml", "facts[0].kind", "'ratio' is not one of",
    ),
    "figure whose words do not state its value": (
        _edit("clauses/c01.yaml", "rate: 0.06", "rate: 0.07"),
        "notice/clauses/c01.yaml", "facts[0].rate", "'6％' does not state the rate 0.07",
    ),
    "figure in years held in months that are not those years": (
        _edit("clauses/c14.yaml", "months: 60", "months: 5"),
        "notice/clauses/c14.yaml", "facts[0].months", "'不足5年' does not state the months 5",
    ),
    "figure whose fraction its words do not write": (
        _edit("clauses/c05.yaml", "fraction: 1/3", "fraction: 1/4"),
        "notice/clauses/c05.yaml", "facts[0].fraction", "'不足1/3' does not write 1/4",
    ),
    "figure dated by the notice's issue on another day": (
        _edit("clauses/c18.yaml", "date: 2021-07-26", "date: 2021-07-27"),
        "notice/clauses/c18.yaml", "facts[0].date", "2021-07-27 is neither written in",
    ),
    "figure whose words are not in its value, so not in its sentence": (
        _edit("clauses/c01.yaml", "words: 4个月", "words: 5个月"),
        "notice/clauses/c01.yaml", "facts[8].words", "'5个月' is not part of the value",
    ),
    "figure with two typed values": (
        _edit("clauses/c01.yaml", "rate: 0.06", "rate: 0.06\n    count: 6"),
        "notice/clauses/c01.yaml", "facts[0]", "a figure has exactly one typed value",
    ),
    "typed value without an id": (
        _edit("clauses/c01.yaml", "value: 2020年末\n", "value: 2020年末\n    count: 2020\n"),
        "notice/clauses/c01.yaml", "facts[7].count", "needs an `id`",
    ),
    "typed value of the wrong shape": (
        _edit("clauses/c03.yaml", "money: 300", "money: 三百"),
        "notice/clauses/c03.yaml", "facts[4].money", "'三百' is not a number of 元",
    ),
    "figure id used twice": (
        _edit("clauses/c03.yaml", "id: living-allowance-deadline", "id: refund-application-deadline"),
        "notice/clauses/c03.yaml", "facts[0].id", "duplicate id 'refund-application-deadline'",
    ),
    "unknown audience": (
        _edit("clauses/c01.yaml", "audiences: [", "audiences: [students, "),
        "notice/clauses/c01.yaml", "audiences", "'students' does not exist in audiences.yaml",
    ),
    "glossary term that is nowhere in the text": (
        _edit("glossary.yaml", "term: 裁员率", "term: 减员率"),
        "notice/glossary.yaml", "terms[1]", "'减员率' occurs nowhere",
    ),
    "reference that is nowhere in the text": (
        _edit("references.yaml", "match: [辽人社发〔2021〕7号]", "match: [辽人社发〔2021〕8号]"),
        "notice/references.yaml", "documents[0].match[0]", "occurs nowhere",
    ),
    "correction at an anchor that does not exist": (
        _edit("corrections.yaml", "where: a2-1-1", "where: a2-1-11"),
        "notice/corrections.yaml", "corrections[0]", "'a2-1-11' is not an anchor",
    ),
    "two sentences in one item": (
        _edit("clauses/c03.yaml", "补贴。\n- 脱贫人口", "补贴。脱贫人口"),
        "notice/clauses/c03.yaml", "text[0]", "holds 2 sentences",
    ),
    "unknown key": (
        _edit("clauses/c05.yaml", "related:", "relatd:"),
        "notice/clauses/c05.yaml", "relatd", "unknown key",
    ),
    "clause numbered out of order": (
        _edit("clauses/c11.yaml", "number: （十一）", "number: （十二）"),
        "notice/clauses/c11.yaml", "number", "'（十二）' is not how the notice numbers c11",
    ),
    "missing heading": (
        _edit("clauses/c09.yaml", "heading: 完善补贴性职业技能培训目录。\n", ""),
        "notice/clauses/c09.yaml", "heading", "missing",
    ),
    "plain line with an added number": (
        _edit("clauses/c01.yaml", "裁员率不高于6％。", "裁员率不高于8％。"),
        "notice/clauses/c01.yaml", "plain.who[1]", "'8％' does not stand in its cited sentences (c01-1)",
    ),
    "plain line with a changed date": (
        _edit("clauses/c06.yaml", "2021年12月31日前申领", "2022年12月31日前申领"),
        "notice/clauses/c06.yaml", "plain.when[0]", "'2022年12月31日' does not stand",
    ),
    "plain line naming an office its sentence does not": (
        _edit("clauses/c01.yaml", "其他单位向谁申请，通知没有写明。", "其他单位向经办机构申请。"),
        "notice/clauses/c01.yaml", "plain.how[1]", "office '经办机构' does not stand",
    ),
    "plain line naming an office by a bare word": (
        _edit("clauses/c09.yaml", "要符合什么条件、怎样纳入，通知没有写明。", "要符合什么条件，请向部门咨询。"),
        "notice/clauses/c09.yaml", "plain.how[0]", "'部门' names an office by a bare word",
    ),
    "plain line citing a sentence that does not exist": (
        _edit("clauses/c01.yaml", "cite: [c01-1, c01-2]", "cite: [c01-9, c01-2]"),
        "notice/clauses/c01.yaml", "plain.one_line", "cites 'c01-9', not a sentence of the notice",
    ),
    "plain line citing nothing": (
        _edit("clauses/c09.yaml", "    cite: [c09-1]", "    cite: []"),
        "notice/clauses/c09.yaml", "plain.one_line.cite", "is empty",
    ),
    "plain line pointing to a part the notice does not have": (
        _edit("clauses/c03.yaml", "（见附件2）", "（见附件3）"),
        "notice/clauses/c03.yaml", "plain.who[0]", "points to a3",
    ),
    "part without a plain part": (
        _edit("clauses/c09.yaml", "plain:", "plainly:"),
        "notice/clauses/c09.yaml", "plain", "missing",
    ),
    "plain part saying nobody's who": (
        _edit("clauses/c09.yaml", "  who:", "  whom:"),
        "notice/clauses/c09.yaml", "plain.who", "missing: say who the part is for",
    ),
    "attachment marked as instructing government bodies alone": (
        _edit("attachments/a1.yaml", "  how:", "  government_only: true\n  how:"),
        "notice/attachments/a1.yaml", "plain.government_only", "only a clause",
    ),
    "clause for government bodies alone that says how to apply": (
        _edit("clauses/c01.yaml", "  how:", "  government_only: true\n  how:"),
        "notice/clauses/c01.yaml", "plain.how", "drop `how` or `government_only`",
    ),
    "not YAML": (
        _edit("clauses/c10.yaml", "section: 2", "section: [2"),
        "notice/clauses/c10.yaml", "", "not valid YAML",
    ),
}


@pytest.fixture
def notice_copy(tmp_path: Path) -> Path:
    root = tmp_path / "notice"
    shutil.copytree(NOTICE_DIR, root)
    return root


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_is_rejected_with_file_path_and_reason(case: str, notice_copy: Path) -> None:
    change, file, path, message = BAD_DATA[case]
    change(notice_copy)
    with pytest.raises(NoticeDataError) as raised:
        load_notice(notice_copy)
    matching = [p for p in raised.value.problems if p.file == file and p.path == path and message in p.message]
    assert matching, "\n".join(map(str, raised.value.problems))
    assert f"{file}: {path or '(whole file)'}: " in str(raised.value)


def test_every_problem_is_reported_at_once(notice_copy: Path) -> None:
    BAD_DATA["missing clause"][0](notice_copy)
    BAD_DATA["date that is not a date"][0](notice_copy)
    BAD_DATA["unknown audience"][0](notice_copy)
    with pytest.raises(NoticeDataError) as raised:
        load_notice(notice_copy)
    files = {(p.file, p.path) for p in raised.value.problems}
    assert {("notice/clauses/c07.yaml", ""), ("notice/clauses/c01.yaml", "facts[3].date"),
            ("notice/clauses/c01.yaml", "audiences")} <= files


def test_the_real_data_has_no_problems() -> None:
    # Loading raises on any problem; this also guards the bad-data cases above, which start from this data.
    notice = load_notice(NOTICE_DIR)
    assert all(re.fullmatch(r"c\d\d-\d+", s.id) for clause in notice.clauses for s in clause.sentences)

"""Every clause and attachment has a plain-language part that a resident reads in half a minute: on average at
most half as long as the original, short sentences, a one-liner of at most 40 characters, every line cited and
grounded in the sentences it cites; the build prints the figures."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from sitebuild.grounding import ungrounded
from sitebuild.model import GOVERNMENT_ONLY, Clause, Notice
from sitebuild.paths import PROJECT_ROOT
from sitebuild.plainness import (
    MAX_LENGTH_RATIO,
    MAX_ONE_LINE_LENGTH,
    MAX_SENTENCE_LENGTH,
    Overall,
    length,
    plainness,
    report,
    sentences,
)


def test_every_clause_and_attachment_has_a_plain_part(notice: Notice) -> None:
    for part in notice.parts:
        plain = part.explanation.plain
        assert plain is not None and plain.one_line.text, part.id
        assert plain.who or plain.government_only, part.id
        assert not plain.government_only or isinstance(part, Clause), part.id


def test_the_plain_parts_meet_the_targets(notice: Notice) -> None:
    pages = [plainness(part) for part in notice.parts]
    overall = Overall.of(pages)
    assert overall.mean_ratio <= MAX_LENGTH_RATIO
    assert overall.sentence_length <= MAX_SENTENCE_LENGTH
    too_long = {page.part: page.one_line for page in pages if page.one_line > MAX_ONE_LINE_LENGTH}
    assert not too_long


def test_every_line_cites_sentences_that_bear_out_its_figures_and_offices(notice: Notice) -> None:
    for part in notice.parts:
        for line in part.explanation.plain.lines:
            assert line.cite, (part.id, line.text)
            cited = "\n".join(notice.text_of(anchor) for anchor in line.cite)
            assert ungrounded(line.text, cited) == [], (part.id, line.text)


OFFICIAL_SHAPES = re.compile(r"^对.+的，|予以|上述|该|其中|相应")


def test_lines_speak_plainly(notice: Notice) -> None:
    """No line keeps the notice's official shapes (对……的，……; 予以, 上述, 该…); what the notice leaves open is
    said in its own words, 通知没有写明; a clause for government bodies alone says so in the agreed line."""
    for part in notice.parts:
        plain = part.explanation.plain
        for line in plain.lines:
            assert not OFFICIAL_SHAPES.search(line.text), (part.id, line.text)
            assert "没有写明" not in line.text or "通知" in line.text, (part.id, line.text)
    assert GOVERNMENT_ONLY == "本条是对有关部门的工作要求，个人和单位不需要办理什么。"


def test_lengths_count_what_a_reader_reads() -> None:
    assert length(" 30人（含）\n以下 ") == 8
    assert sentences("2021年12月31日前申请；最多返还60％。可能不用申请") == ["2021年12月31日前申请；", "最多返还60％。", "可能不用申请"]


def test_the_report_has_every_page_and_the_overall_figures(notice: Notice) -> None:
    text = report(notice)
    for part in notice.parts:
        assert re.search(rf"^  {part.id}\s+\d+\s+\d+\s+\d\.\d\d", text, re.M), part.id
    assert f"(target ≤ {MAX_LENGTH_RATIO})" in text and f"(≤ {MAX_ONE_LINE_LENGTH})" in text


def test_build_py_prints_the_figures(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_cli", PROJECT_ROOT / "build.py")
    cli = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli)
    monkeypatch.setattr(cli, "build_site", lambda *args: None)  # the figures, not another whole build
    assert cli.main(["--site-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "plain language" in out and "overall: ratio" in out and "c01" in out

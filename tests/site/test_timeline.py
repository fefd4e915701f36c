"""The timeline: every dated fact, sorted, with its status as of the build date; a closed measure says when."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from sitebuild.build import build_site
from sitebuild.model import Fact, Notice
from sitebuild.timeline import status_of, timeline

DEADLINE = Fact(label="申请截止", value="2021年12月31日", cite="c01-1", kind="date",
                date=datetime.date(2021, 12, 31), closes="申请")
MILESTONE = Fact(label="统计时点", value="2020年末", cite="c01-3", kind="date", date=datetime.date(2020, 12, 31))


@pytest.mark.parametrize(
    ("today", "status", "label"),
    [
        (datetime.date(2021, 7, 26), "open", "进行中，截至 2021年12月31日"),
        (datetime.date(2021, 12, 31), "open", "进行中，截至 2021年12月31日"),
        (datetime.date(2022, 1, 1), "closed", "已于 2021年12月31日 截止"),
    ],
)
def test_a_deadline_is_open_through_its_own_date_then_closed(today, status, label) -> None:
    assert status_of(DEADLINE, today) == (status, label)


def test_a_date_that_closes_nothing_is_ahead_or_passed() -> None:
    assert status_of(MILESTONE, datetime.date(2020, 12, 30))[0] == "ahead"
    assert status_of(MILESTONE, datetime.date(2020, 12, 31))[0] == "passed"


def test_the_timeline_has_every_dated_fact_in_date_order(notice: Notice) -> None:
    entries = timeline(notice, datetime.date(2026, 11, 27))
    dated = [f for part in notice.parts for f in part.explanation.facts if f.date]
    assert sorted(map(id, (e.fact for e in entries))) == sorted(map(id, dated))
    assert [e.date for e in entries] == sorted(e.date for e in entries)


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"<[^>]+>|\s+", "", row) for row in body.split("</tr>") if "<td" in row]


def _expected_rows(notice: Notice, today: datetime.date) -> list[tuple[str, str]]:
    return [(f"{e.date.year}年{e.date.month}月{e.date.day}日", e.status_label.replace(" ", ""))
            for e in timeline(notice, today)]


@pytest.mark.parametrize("url_path", ["timeline/", ""], ids=["timeline", "home"])
def test_the_built_timeline_shows_statuses_as_of_the_build_date(notice: Notice, page_html, url_path: str) -> None:
    html = page_html(url_path)
    rows = _rows(html)
    expected = _expected_rows(notice, datetime.date(2026, 11, 27))
    assert len(rows) == len(expected)
    for row, (day, status) in zip(rows, expected):
        assert row.startswith(day) and status in row, row
    assert any("已于2021年12月31日截止" in row for row in rows)
    assert "状态按本站生成日期 2026年11月27日 计算" in html


def test_an_earlier_build_date_shows_deadlines_still_open(tmp_path: Path, notice: Notice) -> None:
    build_date = datetime.date(2021, 9, 1)
    build_site(tmp_path, build_date)
    html = (tmp_path / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "进行中，截至 2021年12月31日" in html and "已于 2021年12月31日 截止" not in html
    assert "状态按本站生成日期 2021年9月1日 计算" in html
    clause = (tmp_path / "clauses" / "c01" / "index.html").read_text(encoding="utf-8")
    assert "进行中，截至 2021年12月31日" in clause

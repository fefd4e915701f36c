"""Each clause and attachment a self-check measure implements says how the self-check uses it: the measure, its
window and its figures linked to their sentences; the facts box marks the facts the self-check uses."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from calculator.registry import measures_of_part, parameters_of
from sitebuild.loader import NoticeDataError
from sitebuild.model import Clause, Fact, Notice
from sitebuild.rules import self_check_uses

LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
FACT_ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def _url(part) -> str:
    return part.page.removesuffix(".md") + "/"


def _heading(part) -> str:
    return "自测如何使用本条" if isinstance(part, Clause) else "自测如何使用本附件"


def _section(page: str, heading: str) -> str:
    """The HTML from the section's heading to the next one (or the end of the article)."""
    start = page.index(f'<h2 id="{heading}"')
    return re.split(r"<h2 |</article>", page[start + 4:], maxsplit=1)[0]


def _target(built_site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file a link points to, and its fragment."""
    url = urlsplit(urljoin(f"http://site/{page_url}", href))
    return built_site / unquote(url.path).lstrip("/") / "index.html", unquote(url.fragment)


@pytest.fixture(scope="module")
def ids_of(built_site: Path) -> Callable[[Path], set[str]]:
    cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in cache:
            cache[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
        return cache[path]

    return ids


@pytest.mark.parametrize("part_id", ["c01", "c03", "c12", "c13", "c14", "a1", "a2"])
def test_a_part_a_measure_implements_says_how_the_self_check_uses_it(
    part_id: str, notice: Notice, page_html, built_site: Path, ids_of
) -> None:
    part = notice.part(part_id)
    section = _section(page_html(_url(part)), _heading(part))
    text = html.unescape(re.sub(r"<[^>]+>", "", section))
    hrefs = [href for href, _ in LINK.findall(section)]
    assert "../../self-check/" in hrefs and (built_site / "self-check" / "index.html").is_file()
    targets = {_target(built_site, _url(part), href) for href in hrefs if "#" in href}
    for path, fragment in targets:
        assert notice.has_anchor(fragment) and fragment in ids_of(path), (path, fragment)
    for measure in measures_of_part(part_id):
        assert measure.title in text
        assert measure.description.window.label in text
        for use in parameters_of(measure.id):
            assert use.text in text, (measure.id, use.id)
            page = built_site / notice.page_of(use.cite).removesuffix(".md") / "index.html"
            assert (page, use.cite) in targets, (measure.id, use.id)


def test_the_figures_of_the_clause_come_first_linked_on_the_page(page_html) -> None:
    section = _section(page_html("clauses/c01/"), "自测如何使用本条")
    hrefs = [href for href, _ in LINK.findall(section) if "#" in href]
    assert hrefs[0] == "#c01-1" and hrefs[-1] == "../c18/#c18-3"  # the notice's day of effect: last
    assert "裁员率上限（参保单位）：<strong>6％</strong>" in section
    assert "已于 2021年12月31日 截止" in section  # the build date is 2026-11-27


def test_a_part_no_measure_implements_has_no_such_section(notice: Notice, page_html) -> None:
    without = [part for part in notice.parts if not measures_of_part(part.id)]
    assert notice.part("c10") in without
    for part in without:
        assert "自测如何使用" not in page_html(_url(part)), part.id


def test_the_facts_box_marks_the_facts_the_self_check_uses(notice: Notice, page_html) -> None:
    used = self_check_uses(notice).facts
    for part in notice.parts:
        page = page_html(_url(part))
        if not part.explanation.facts:
            continue
        box = page.split('<div class="admonition facts">', 1)[1].split("</ul>", 1)[0]
        items = FACT_ITEM.findall(box)
        assert len(items) == len(part.explanation.facts), part.id
        for fact, item in zip(part.explanation.facts, items, strict=True):
            assert ('<span class="selfcheck-used">自测使用</span>' in item) == (fact in used), (part.id, fact.label)
    assert not any(fact.label == "“免申即享”参保人数的统计时点" for fact in used)  # c01's 2020年末: not a rule's figure


def _with_facts(notice: Notice, change: Callable[[tuple[Fact, ...]], tuple[Fact, ...]]) -> Notice:
    """The notice with every clause's facts changed by `change`."""
    def changed(clause: Clause) -> Clause:
        facts = change(clause.explanation.facts)
        return dataclasses.replace(clause, explanation=dataclasses.replace(clause.explanation, facts=facts))

    sections = tuple(dataclasses.replace(s, clauses=tuple(map(changed, s.clauses))) for s in notice.sections)
    return dataclasses.replace(notice, sections=sections, _anchors={})


def test_a_figure_the_self_check_uses_without_a_fact_fails_the_build(notice: Notice) -> None:
    without = _with_facts(notice, lambda facts: tuple(
        f for f in facts if (f.cite, f.value) != ("c03-2", "当地农村最低生活保障标准的1.5倍")))
    with pytest.raises(NoticeDataError) as raised:
        self_check_uses(without)
    (problem,) = raised.value.problems
    assert problem.file == "notice/clauses/c03.yaml" and "1.5倍" in problem.message
    assert "'poverty-alleviated-factor'" in problem.message


def test_a_figure_the_notice_now_says_otherwise_fails_the_build(notice: Notice) -> None:
    """calculator/figures.py is written from notice/; a fact edited since, and not written out, is refused."""
    edited = _with_facts(notice, lambda facts: tuple(
        dataclasses.replace(f, figure=dataclasses.replace(f.figure, value=Decimal("0.07")))
        if f.figure and f.figure.id == "layoff-rate-limit" else f for f in facts))
    with pytest.raises(NoticeDataError) as raised:
        self_check_uses(edited)
    (problem,) = raised.value.problems
    assert (problem.file, problem.path) == ("calculator/figures.py", "layoff-rate-limit")
    assert "python -m sitebuild.figures" in problem.message

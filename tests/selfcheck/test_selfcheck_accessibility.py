"""axe-core (node_modules/axe-core) finds no serious or critical violation on the clause and attachment pages
or on the self-check page, before any answer, with results, and with a field error; and no violation at all,
with the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices, on the home page, a clause page, the timeline
and the self-check with results, on a phone and on a desktop (the self-check in the dark scheme too)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from sitebuild.loader import load_notice
from sitebuild.paths import NOTICE_DIR, PROJECT_ROOT

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PART_PAGES = [part.page.removesuffix(".md") + "/" for part in load_notice(NOTICE_DIR).parts]


SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
ALL_RULES = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]


def violations(page: Page, tags: list[str] | None = None) -> list[dict]:
    """axe's violations on the page: of every rule axe runs by default, or of the rules with these tags."""
    # Evaluated, not added as a <script> tag: the site's Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async tags => (await axe.run(document, {resultTypes: ['violations'],
                                                   ...(tags ? {runOnly: {type: 'tag', values: tags}} : {})})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))""",
        tags,
    )


def serious_violations(page: Page) -> list[dict]:
    return [violation for violation in violations(page) if violation["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PART_PAGES)
def test_clause_and_attachment_pages(path: str, new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page()
    page.goto(f"{site_url}{path}")
    assert serious_violations(page) == []


def test_the_self_check_before_any_answer(open_selfcheck) -> None:
    selfcheck = open_selfcheck(ready=False)
    assert serious_violations(selfcheck.page) == []


def test_the_self_check_with_results(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "runs_internship": True})
    assert selfcheck.cards()
    assert serious_violations(selfcheck.page) == []


def test_the_self_check_with_a_field_error(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "unit", "insured_staff_last_year": -1})
    assert selfcheck.field_error("insured_staff_last_year")
    assert serious_violations(selfcheck.page) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["", "clauses/c01/", "timeline/"], ids=["home", "clause", "timeline"])
def test_no_violation_at_all_on_the_pages(path: str, size: str, new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page(**SIZES[size])
    page.goto(f"{site_url}{path}")
    assert violations(page, ALL_RULES) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "answers",
    [{"asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "runs_internship": True},
     {"asker": "individual", "employment_status": "not_working"}],
    ids=["employer", "individual"],
)
def test_no_violation_at_all_on_the_self_check_with_results(answers: dict, size: str, scheme: str, open_selfcheck) -> None:
    selfcheck = open_selfcheck(**SIZES[size], color_scheme=scheme)
    selfcheck.answer(answers)
    assert selfcheck.cards()
    assert violations(selfcheck.page, ALL_RULES) == []

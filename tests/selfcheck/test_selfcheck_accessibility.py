"""axe-core (node_modules/axe-core) finds no serious or critical violation on the clause and attachment pages
or on the self-check page, before any answer, with results, and with a field error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from sitebuild.loader import load_notice
from sitebuild.paths import NOTICE_DIR, PROJECT_ROOT

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PART_PAGES = [part.page.removesuffix(".md") + "/" for part in load_notice(NOTICE_DIR).parts]


def serious_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"""
    )
    return [violation for violation in violations if violation["impact"] in ("serious", "critical")]


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

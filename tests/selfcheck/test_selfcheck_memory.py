"""The self-check remembers the answers in its own address: Back after following a result's link, reload and
Material's instant navigation find every answer and the date again; a fresh visit starts empty; 清除全部回答
removes what was kept. Tested on a phone and on a desktop, on the site built with its site URL (instant
navigation on)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Page, expect

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
# Every kind of answer: choices, counts, money with cents, yes/no.
EMPLOYER = {"asker": "unit", "unit_type": "social_group", "insured_staff_last_year": 25, "layoffs_last_year": 2,
            "insured_at_end_of_2020": 20, "uic_paid_last_year": 12345.67, "runs_internship": False}
AS_OF = "2021-09-01"


def shown_answers(page: Page) -> dict[str, str]:
    """What the form holds, read the way the share link writes it."""
    page.click("#sc-share")
    return dict(parse_qsl(urlsplit(page.input_value("#sc-share-url")).fragment))


def typed(answers: dict) -> dict[str, str]:
    return {key: str(value).lower() if isinstance(value, bool) else str(value) for key, value in answers.items()}


def on_the_self_check(url: str) -> bool:
    return urlsplit(url).path.endswith("/self-check/")


@pytest.mark.parametrize("size", SIZES)
def test_back_after_a_result_link_keeps_every_answer_and_the_date(
    size: str, new_page: Callable[..., Page], site_url: str, as_selfcheck
) -> None:
    page = new_page(**SIZES[size])
    page.goto(f"{site_url}self-check/")
    page.wait_for_load_state("networkidle")  # Material has read the sitemap: links now swap pages in place
    page.evaluate("() => { window.notReloaded = true; }")
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.answer(EMPLOYER, as_of=AS_OF)
    cards = selfcheck.cards()
    assert cards

    link = page.locator("#sc-results .sc-card .sc-cite a").first
    link.scroll_into_view_if_needed()
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(target).path)
    page.locator("#policy-selfcheck").wait_for(state="detached")

    page.go_back()
    page.wait_for_url(on_the_self_check)
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    expect(page.locator("#sc-results .sc-card").first).to_be_visible()
    assert page.input_value("#sc-as-of") == AS_OF
    assert shown_answers(page) == {**typed(EMPLOYER), "as_of": AS_OF}
    assert selfcheck.cards() == cards
    assert page.evaluate("() => window.notReloaded"), "Material swapped the pages in place"


def test_reload_keeps_the_answers_and_a_fresh_visit_starts_empty(open_selfcheck, site_url: str) -> None:
    selfcheck = open_selfcheck(**SIZES["phone"])
    page = selfcheck.page
    selfcheck.answer({"asker": "individual", "employment_status": "not_working"}, as_of=AS_OF)
    cards = selfcheck.cards()
    fragment = dict(parse_qsl(urlsplit(page.url).fragment))
    assert fragment == {"asker": "individual", "employment_status": "not_working", "as_of": AS_OF}

    page.reload()
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    assert page.is_checked("#sc-field-employment_status input[value=not_working]")
    assert page.input_value("#sc-as-of") == AS_OF
    assert selfcheck.cards() == cards

    page.goto(f"{site_url}self-check/")  # a visit of its own, without the fragment
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    assert not page.is_checked("#sc-field-asker input[value=individual]")
    assert page.input_value("#sc-as-of") == page.evaluate("() => new Date().toLocaleDateString('sv')")
    assert not selfcheck.cards()
    assert urlsplit(page.url).fragment == "", "an empty form keeps nothing"


def test_a_changed_date_alone_is_kept_and_clearing_removes_everything(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    page = selfcheck.page
    issued = page.get_attribute(".sc-date-choice", "data-date")
    page.click(".sc-date-choice")
    selfcheck.wait_until_settled()
    assert page.input_value("#sc-as-of") == issued
    assert dict(parse_qsl(urlsplit(page.url).fragment)) == {"as_of": issued}

    selfcheck.answer({"asker": "unit"})
    page.click("#sc-clear")
    selfcheck.wait_until_settled()
    assert urlsplit(page.url).fragment == ""
    page.reload()
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    assert not page.is_checked("#sc-field-asker input[value=unit]")
    assert page.input_value("#sc-as-of") != issued


def test_an_anchor_in_the_address_is_left_until_there_is_something_to_keep(open_selfcheck, site_url: str) -> None:
    selfcheck = open_selfcheck(f"{site_url}self-check/#sc-results")
    selfcheck.wait_until_settled()
    assert urlsplit(selfcheck.page.url).fragment == "sc-results"
    selfcheck.answer({"asker": "unit"})
    assert dict(parse_qsl(urlsplit(selfcheck.page.url).fragment))["asker"] == "unit"

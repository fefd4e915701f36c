"""The first screen of the home page and of the self-check says how old the notice is: the day it was issued
and the days its deadlines fell on (from notice/, never typed into a template), with the judgement date right
there; on a phone and on a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from calculator.dates import zh_date
from sitebuild.model import Notice
from sitebuild.timeline import deadlines

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
FIRST_SCREEN_TEXT = """() => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.height && box.top >= 0 && box.bottom <= innerHeight && node.parentElement.checkVisibility()) text += node.textContent;
    }
    return text.replace(/\\s+/g, '');
}"""


def the_dates(notice: Notice) -> list[str]:
    """The issue date and every distinct deadline, as the pages write them."""
    return [zh_date(notice.document.signed_on), *dict.fromkeys(zh_date(f.date) for f in deadlines(notice))]


def test_the_deadlines_are_the_notices(notice: Notice) -> None:
    days = the_dates(notice)
    assert days[0] == "2021年7月26日" and days[-1] == "2025年12月31日"
    assert {"2021年12月31日", "2022年6月30日"} <= set(days)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url_path", ["", "self-check/"], ids=["home", "self-check"])
def test_the_first_screen_states_the_notices_dates(url_path: str, size: str, open_page, notice: Notice) -> None:
    page = open_page(url_path, **SIZES[size])
    text = page.evaluate(FIRST_SCREEN_TEXT)
    for day in the_dates(notice):
        assert day in text, f"{day} is not on the first screen of /{url_path}"
    assert "最晚的" in text


@pytest.mark.parametrize("size", SIZES)
def test_the_judgement_date_is_on_the_self_checks_first_screen(size: str, open_page, notice: Notice) -> None:
    page = open_page("self-check/", **SIZES[size])
    expect(page.get_by_label("判断日期", exact=True)).to_be_in_viewport(ratio=1)
    choice = page.locator(".sc-date-choice")
    expect(choice).to_be_in_viewport(ratio=1)
    choice.click()
    expect(page.locator("#sc-as-of")).to_have_value(notice.document.signed_on.isoformat())


def test_home_says_whether_the_deadlines_have_passed_on_the_build_date(article_text) -> None:
    assert "按本站生成日期2026年11月27日，这些期限都已过去。" in article_text("")


def test_home_leads_to_the_self_check_on_the_day_of_issue(open_page, notice: Notice) -> None:
    page = open_page("")
    page.wait_for_load_state("networkidle")  # instant navigation on
    page.locator(".notice-dates a").click()
    page.wait_for_url("**/self-check/#as_of=*")
    expect(page.locator("#sc-as-of")).to_have_value(notice.document.signed_on.isoformat())

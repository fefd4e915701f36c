"""The results as a person sees them: a summary that stays in view, the cards most useful first with closed
measures folded, every status (those the page does not know too), each missing question once, the office the
notice names and the national hotline, the glossary's terms linked, and printing with every card open."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

import calculator
from calculator.inputs import INPUTS
from calculator.contacts import NATIONAL_HOTLINE, NO_OFFICE
from sitebuild.model import Notice
from sitebuild.occurrences import mark_terms

PHONE = {"width": 390, "height": 844}
UNEMPLOYED_MAN = {"asker": "individual", "employment_status": "not_working", "sex": "male"}
# The page's words for each status in the summary, in the order of the cards; anything else is 其他.
SUMMARY_WORDS = {
    "eligible": "可能符合", "in_scope": "属于人员范围", "need_info": "需补充", "not_eligible": "不符合",
    "not_in_scope": "不属于人员范围", "closed": "已截止", "not_yet_open": "尚未实施",
}
ORDER = list(SUMMARY_WORDS)

SUMMARY = """() => {
    const bar = document.querySelector('#sc-summary');
    const box = bar.getBoundingClientRect();
    return {hidden: bar.hidden, top: box.top, bottom: box.bottom,
            counts: [...bar.querySelectorAll('[data-status]')].map(item => item.innerText.replace(/\\s+/g, ' ').trim())};
}"""


def summary_line(statuses: list[str]) -> list[str]:
    """The bar's items for results with these statuses: mark, words and count, in card order."""
    counted = Counter(status if status in SUMMARY_WORDS else "" for status in statuses)
    marks = {"eligible": "✓", "in_scope": "◎", "need_info": "?", "not_eligible": "✗", "not_in_scope": "○",
             "closed": "■", "not_yet_open": "…", "": "•"}
    words = {**SUMMARY_WORDS, "": "其他"}
    return [f"{marks[s]}{words[s]} {counted[s]} 项" for s in [*ORDER, ""] if counted[s]]


def test_the_summary_is_in_view_on_a_phone_after_the_first_answer(open_selfcheck) -> None:
    selfcheck = open_selfcheck(**PHONE)
    page = selfcheck.page
    assert page.evaluate(SUMMARY)["hidden"], "no summary before any answer"
    page.check("#sc-field-asker input[value=individual]")
    selfcheck.wait_until_settled()
    summary = page.evaluate(SUMMARY)
    assert not summary["hidden"]
    assert 0 <= summary["top"] and summary["bottom"] <= PHONE["height"], "on the first screen, without scrolling"
    statuses = [card["status"] for card in selfcheck.cards()]
    assert summary["counts"] == summary_line(statuses)

    page.mouse.wheel(0, PHONE["height"])  # scrolling through the questions, the bar stays in view
    page.wait_for_function("() => scrollY > 0")
    summary = page.evaluate(SUMMARY)
    assert 0 <= summary["top"] and summary["bottom"] <= PHONE["height"]

    page.click("#sc-to-results")
    heading = page.locator("#sc-results .sc-results-title")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()


def test_an_unemployed_mans_possible_measures_come_first(open_selfcheck) -> None:
    selfcheck = open_selfcheck(**PHONE)
    selfcheck.answer(UNEMPLOYED_MAN, as_of="2021-09-01")
    statuses = [card["status"] for card in selfcheck.cards()]
    expected = sorted((m["status"] for m in calculator.evaluate(UNEMPLOYED_MAN, "2021-09-01")["measures"]), key=ORDER.index)
    assert statuses == expected
    assert statuses == sorted(statuses, key=ORDER.index)


def test_closed_measures_are_folded_under_their_title_status_and_deadline(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "individual"})  # judged today: the measures with a deadline have closed
    page = selfcheck.page
    closed = page.locator("#sc-results .sc-card[data-status=closed]")
    expected = [m for m in calculator.evaluate({"asker": "individual"})["measures"] if m["status"] == "closed"]
    assert expected and closed.count() == len(expected)
    for index in range(closed.count()):
        card = closed.nth(index)
        expect(card.locator(".sc-card-title")).to_be_visible()
        expect(card.locator(".sc-badge")).to_contain_text("截止")
        expect(card.locator(".sc-window")).to_be_visible()
        expect(card.locator(".sc-card-source")).to_be_hidden()
    expect(page.locator("#sc-results .sc-card:not([data-status=closed]) .sc-fold")).to_have_count(0)

    first = closed.first
    first.locator(".sc-fold > summary").click()
    expect(first.locator(".sc-card-source")).to_be_visible()
    page.fill("#sc-as-of", "2026-12-01")  # new results: the card the visitor opened stays open
    selfcheck.wait_until_settled()
    expect(page.locator(f"#sc-results .sc-card[data-measure={first.get_attribute('data-measure')}] .sc-card-source")).to_be_visible()


def test_printing_opens_every_folded_card(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "unit", "unit_type": "enterprise"})
    page = selfcheck.page
    sources = page.locator("#sc-results .sc-card[data-status=closed] .sc-card-source")
    assert sources.count() and not sources.first.is_visible()
    page.emulate_media(media="print")
    for index in range(sources.count()):
        expect(sources.nth(index)).to_be_visible()
    expect(page.locator("#sc-summary")).to_be_hidden()
    page.emulate_media(media="screen")
    page.evaluate("() => dispatchEvent(new Event('beforeprint'))")  # the print dialog, in any browser
    expect(page.locator("#sc-results .sc-fold:not([open])")).to_have_count(0)
    page.evaluate("() => dispatchEvent(new Event('afterprint'))")
    expect(page.locator("#sc-results .sc-fold[open]")).to_have_count(0)


ALL_STATUSES = ["closed", "suspended", "not_in_scope", "need_info", "eligible", "not_yet_open", "in_scope", "not_eligible"]


def synthetic_result(clauses: list[str]) -> dict:
    """A result with one measure of each status, a status this page does not know among them."""
    measures = [
        {"id": f"m{index}", "clause": clause, "title": f"测试政策{index}", "status": status,
         "status_label": f"状态{status}", "window": None, "amount": None, "figures": {}, "conditions": [],
         "missing": [], "next_step": "", "office": None, "notes": []}
        for index, (status, clause) in enumerate(zip(ALL_STATUSES, clauses))
    ]
    return {"as_of": "2021-09-01", "measures": measures, "guidance": []}


def test_every_status_has_its_mark_words_and_place_and_an_unknown_one_breaks_nothing(
    open_selfcheck, notice: Notice, traffic
) -> None:
    """The engine is replaced by one that answers a fixed result (window.policyCalculator is the engine's API)."""
    result = synthetic_result([clause.id for clause in notice.clauses])
    engine = f"window.policyCalculator = Object.freeze({{ready: Promise.resolve(), evaluate: async () => ({json.dumps(result)})}});"
    selfcheck = open_selfcheck(init_script=engine)
    page = selfcheck.page
    page.check("#sc-field-asker input[value=unit]")
    selfcheck.wait_until_settled()
    cards = selfcheck.cards()
    known = [status for status in ORDER if status in ALL_STATUSES]
    assert [card["status"] for card in cards] == [*known, "suspended"]
    badges = {card["status"]: card["badge"] for card in cards}
    assert badges["in_scope"].startswith("◎") and badges["not_in_scope"].startswith("○")
    assert badges["suspended"] == "•状态suspended"
    assert not [status for status, badge in badges.items() if "✓" in badge and status != "eligible"]
    assert page.evaluate(SUMMARY)["counts"] == summary_line(ALL_STATUSES)
    assert not traffic.page_errors


def test_each_missing_question_is_listed_once_and_the_next_step_does_not_repeat_it(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "individual"}, as_of="2021-09-01")
    expected = {m["id"]: m for m in calculator.evaluate({"asker": "individual"}, "2021-09-01")["measures"]}
    listed = selfcheck.page.eval_on_selector_all(
        "#sc-results .sc-card",
        """cards => cards.map(card => ({id: card.dataset.measure,
            missing: [...card.querySelectorAll('.sc-missing button')].map(button => button.textContent),
            body: card.querySelector('.sc-card-body').textContent}))""",
    )
    assert any(card["missing"] for card in listed)
    for card in listed:
        labels = [INPUTS[input_id].label for input_id in expected[card["id"]]["missing"]]
        assert card["missing"] == labels
        outside_the_list = card["body"].replace("".join(labels), "", 1)
        conditions = "".join(c["text"] for c in expected[card["id"]]["conditions"])
        for label in labels:  # a condition may name its question; nothing else on the card does
            assert outside_the_list.count(label) == conditions.count(label), (card["id"], label)


def test_the_first_missing_question_takes_the_visitor_to_it(open_selfcheck) -> None:
    selfcheck = open_selfcheck(**PHONE)
    selfcheck.answer({"asker": "unit"}, as_of="2021-09-01")
    page = selfcheck.page
    button = page.locator("#sc-results .sc-missing button").first
    label = button.text_content()
    button.click()
    focused = page.locator(":focus")
    expect(focused).to_be_in_viewport()
    assert focused.evaluate("(input, label) => input.closest('[data-input]').querySelector('.sc-label').textContent.trim() === label", label)


def test_each_result_names_its_office_and_the_national_hotline_is_said_to_be_national(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "individual"}, as_of="2021-09-01")
    page = selfcheck.page
    selfcheck.open_folds()
    offices = dict(page.eval_on_selector_all(
        "#sc-results .sc-card", "cards => cards.map(c => [c.dataset.measure, c.querySelector('.sc-office').innerText])"
    ))
    for measure in calculator.evaluate({"asker": "individual"}, "2021-09-01")["measures"]:
        office = measure["office"]
        shown = offices[measure["id"]]
        assert shown.startswith("受理部门：")
        assert (NO_OFFICE in shown) if office is None else (office["name"] in shown and NO_OFFICE not in shown)
    contact = page.inner_text("#sc-results .sc-contact")
    assert f"{NATIONAL_HOTLINE.name} {NATIONAL_HOTLINE.number}" in contact and NATIONAL_HOTLINE.what in contact
    assert page.get_attribute("#sc-results .sc-contact a", "href") == f"tel:{NATIONAL_HOTLINE.number}"
    numbers = re.findall(r"\d{5,}", page.inner_text("#sc-results"))
    assert set(numbers) <= {NATIONAL_HOTLINE.number}, "no contact number but the national line"


@pytest.mark.parametrize(
    ("answers", "as_of"),
    [({"asker": "unit", "unit_type": "enterprise", "insured_at_end_of_2020": 150}, "2021-09-01"),
     ({"asker": "individual", "employment_status": "not_working"}, "2021-09-01")],
    ids=["employer", "individual"],
)
def test_glossary_terms_on_cards_link_to_their_entries_as_the_clause_pages_mark_them(
    answers: dict, as_of: str, open_selfcheck, notice: Notice, site_url: str
) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer(answers, as_of=as_of)
    selfcheck.open_folds()
    found = selfcheck.page.eval_on_selector_all(
        "#sc-results .sc-card",
        """cards => cards.map(card => ({id: card.dataset.measure,
            links: [...card.querySelectorAll('a.term')].map(a => [a.textContent, a.href]),
            in_amount: card.querySelectorAll('.sc-amount a.term, .sc-card-title a').length}))""",
    )
    by_id = {term.id: term for term in notice.glossary}
    linked = 0
    for card, measure in zip(found, sorted(calculator.evaluate(answers, as_of)["measures"], key=lambda m: ORDER.index(m["status"]))):
        texts = [c["text"] for c in measure["conditions"]] + [measure["next_step"], *measure["notes"]]
        marked = [(segment.text, segment.term.id) for segments in mark_terms(texts, notice.glossary)
                  for segment in segments if segment.term]
        assert [(text, urlsplit(href).fragment) for text, href in card["links"]] == marked, card["id"]
        for _, href in card["links"]:
            assert href.startswith(f"{site_url}glossary/#") and urlsplit(href).fragment in by_id
        assert card["in_amount"] == 0
        linked += len(marked)
    assert linked, "the wording of these results holds glossary terms"

"""The named scenario cases (tests/calculator/cases/) in the browser: the same JSON from Pyodide as from CPython,
on the trimmed standard library alone (sitebuild/stdlib.py: the full one is never fetched, so no case needed
the fallback), and the cards a person sees after answering as an SME employer, a graduate and an unemployed
worker."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Browser

import calculator
from sitebuild.loader import load_notice
from sitebuild.paths import NOTICE_DIR
from sitebuild.stdlib import scenario_cases

CASES = scenario_cases()


def in_python(answers: dict, as_of: str | None) -> dict:
    """What CPython's calculator gives, as JSON: the result, or {"errors": [...]}."""
    try:
        return {"result": json.loads(json.dumps(calculator.evaluate(answers, as_of)))}
    except calculator.InputError as error:
        return {"errors": error.errors}


@pytest.fixture(scope="module")
def fetched() -> list[str]:
    """The URLs the page of `in_browser` (its worker included) requested."""
    return []


@pytest.fixture(scope="module")
def in_browser(browser: Browser, site_url: str, fetched: list[str]) -> Iterator[list[dict]]:
    """Every case through `window.policyCalculator.evaluate` on the self-check page, in one page."""
    context = browser.new_context()
    context.on("request", lambda request: fetched.append(request.url))
    page = context.new_page()
    page.goto(f"{site_url}self-check/")
    page.evaluate("() => window.policyCalculator.ready")
    results = page.evaluate(
        """async cases => {
            const results = [];
            for (const [answers, asOf] of cases) {
                results.push(await window.policyCalculator.evaluate(answers, asOf).then(
                    result => ({result}),
                    error => error.errors ? {errors: error.errors} : {failure: String(error)},
                ));
            }
            return results;
        }""",
        [[case.input, case.as_of] for case in CASES],
    )
    yield results
    context.close()


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case.name for case in CASES])
def test_the_browser_gives_the_same_json_as_python(index: int, in_browser: list[dict]) -> None:
    case = CASES[index]
    assert in_browser[index] == in_python(case.input, case.as_of)


def test_every_case_ran_on_the_trimmed_standard_library(in_browser: list[dict], fetched: list[str]) -> None:
    names = [url.rsplit("/", 1)[1] for url in fetched]
    assert len(in_browser) == len(CASES)
    assert [name for name in names if name.startswith("python_stdlib-") and name.endswith(".zip")]
    assert "python_stdlib.zip" not in names, "an import missed the trimmed standard library: the fallback ran"


def first_case(predicate: Callable[[dict], bool]):
    return next(case for case in CASES if "errors" not in case.output and predicate(case.input))


PEOPLE = {
    "sme_employer": first_case(lambda answers: answers.get("enterprise_size") == "sme"),
    "graduate": first_case(lambda answers: "school_kind" in answers),
    "unemployed_worker": first_case(
        lambda answers: answers.get("employment_status") == "not_working" and "ui_benefit_situation" in answers
    ),
}


# Most useful first: the cards in this order of status, and in the notice's order within a status.
CARD_ORDER = ["eligible", "in_scope", "need_info", "not_eligible", "not_in_scope", "closed", "not_yet_open"]


def amount_text(value: float) -> str:
    """How the page writes an amount: grouped thousands, at most two decimals (Intl.NumberFormat zh-CN)."""
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


@pytest.fixture(scope="module")
def anchor_urls() -> Callable[[str, str], str]:
    """The absolute URL a citation links to on a site served at `base`."""
    notice = load_notice(NOTICE_DIR)

    def url(base: str, cite: str) -> str:
        page = notice.page_of(cite).removesuffix(".md")
        fragment = "" if cite in ("a1", "a2") else f"#{cite}"
        return f"{base}{page}/{fragment}"

    return url


@pytest.mark.parametrize("person", PEOPLE)
def test_a_person_sees_the_right_cards(person: str, open_selfcheck, site_url: str, anchor_urls) -> None:
    case = PEOPLE[person]
    selfcheck = open_selfcheck()
    selfcheck.answer(case.input, as_of=case.as_of)

    selfcheck.page.click("#sc-share")
    shared = dict(parse_qsl(urlsplit(selfcheck.page.input_value("#sc-share-url")).fragment))
    typed = {key: json.dumps(value) if isinstance(value, bool) else str(value) for key, value in case.input.items()}
    assert shared == {**typed, "as_of": case.as_of}, "the form holds exactly the case's answers"

    expected = in_python(case.input, case.as_of)["result"]
    assert expected["measures"], f"{case.name}: a scenario with cards to see"
    cards = selfcheck.cards()
    in_order = sorted(expected["measures"], key=lambda measure: CARD_ORDER.index(measure["status"]))
    assert [card["measure"] for card in cards] == [measure["id"] for measure in in_order]
    assert [card["folded"] for card in cards] == [measure["status"] == "closed" for measure in in_order]
    selfcheck.open_folds()
    cards = selfcheck.cards()
    for card, measure in zip(cards, in_order):
        assert card["status"] == measure["status"]
        assert card["title"] == measure["title"]
        assert measure["status_label"] in card["badge"]
        assert card["clause"] == anchor_urls(site_url, measure["clause"])
        if measure["amount"]:
            assert amount_text(measure["amount"]["value"]) in card["amount"]
            assert measure["amount"]["unit"] in card["amount"]
            assert measure["amount"]["formula"] in card["amount"]
            assert card["amount_tags"] == {"upper": ["上限"], "estimate": ["估算"], "exact": []}[measure["amount"]["bound"]]
        else:
            assert card["amount"] is None
        if measure["window"]:
            assert measure["window"]["label"] in card["window"]
            passed = measure["window"]["closes"] < expected["as_of"]
            assert ("已过截止日期" in card["window"]) == passed
        assert card["conditions"] == [
            {"outcome": c["outcome"], "text": c["text"], "href": anchor_urls(site_url, c["cite"])}
            for c in measure["conditions"]
        ]
        if measure["next_step"]:
            assert measure["next_step"] in card["next"]

"""The self-check page in headless Chromium: the form, its steps, errors, sharing, printing and failure modes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

import calculator
from sitebuild.serve import serve_in_background

SME_EMPLOYER = {
    "asker": "unit",
    "unit_type": "enterprise",
    "enterprise_size": "sme",
    "insured_staff_last_year": 40,
    "layoffs_last_year": 1,
    "insured_at_end_of_2020": 38,
    "uic_paid_last_year": 52000,
}


def assert_nothing_stored(page: Page) -> None:
    """No answer in cookies or web storage (Material keeps only its colour-scheme choice there)."""
    stored = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])")
    assert not [entry["id"] for entry in calculator.catalogue() if entry["id"] in stored], stored


def catalogue_in_page(page: Page) -> list[dict]:
    return page.eval_on_selector_all(
        "[data-input]",
        """fields => fields.map(field => {
            const input = field.querySelector('input:not([type=radio])');
            const described = (field.getAttribute('aria-describedby') || input.getAttribute('aria-describedby'))
                .split(' ');
            return {
                id: field.dataset.input,
                type: field.dataset.type,
                hidden: field.hidden,
                label: field.querySelector('.sc-label').textContent,
                help: field.querySelector('.sc-help').textContent,
                radios: [...field.querySelectorAll('input[type=radio]')].map(radio => [radio.value, radio.labels[0].innerText]),
                input: input && {type: input.type, min: input.getAttribute('min'), max: input.getAttribute('max'),
                                 step: input.getAttribute('step'), labelled: input.labels.length === 1},
                unit: field.querySelector('.sc-unit') && field.querySelector('.sc-unit').textContent,
                described: described.every(id => document.getElementById(id)),
            };
        })""",
    )


def test_the_form_is_the_catalogue(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page()
    page.goto(f"{site_url}self-check/")
    fields = catalogue_in_page(page)
    catalogue = calculator.catalogue()
    assert [field["id"] for field in fields] == [entry["id"] for entry in catalogue]
    for field, entry in zip(fields, catalogue):
        assert field["type"] == entry["type"]
        assert field["hidden"] == bool(entry["ask_if"]), "only questions for everyone show before any answer"
        assert field["label"] == entry["label"]
        assert field["help"].startswith(entry["help"])
        assert field["described"], f"{entry['id']}: aria-describedby names a missing element"
        unsure = [] if entry is catalogue[0] else [["", "不确定"]]
        if entry["type"] == "choice":
            assert field["radios"] == [[c["value"], c["label"]] for c in entry["choices"]] + unsure
        elif entry["type"] == "bool":
            assert field["radios"] == [["true", "是"], ["false", "否"]] + unsure
        else:
            assert field["input"]["labelled"]
            assert field["input"]["type"] == ("date" if entry["type"] == "date" else "number")
            for bound in ("min", "max"):
                assert field["input"][bound] == (None if entry[bound] is None else str(entry[bound]))
            assert field["unit"] == entry["unit"]
            if entry["type"] == "count":
                assert field["input"]["step"] == "1"
    assert catalogue[0]["id"] == "asker"


def test_the_form_works_while_python_loads(new_page: Callable[..., Page], site_url: str, as_selfcheck) -> None:
    page = new_page()
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(f"{site_url}self-check/")
    expect(page.locator('[data-engine-state="loading"]')).to_be_visible()
    expect(page.locator("#sc-step-questions")).to_be_hidden()

    page.check("#sc-field-asker input[value=unit]")
    expect(page.locator("#sc-step-questions")).to_be_visible()
    expect(page.locator("#sc-field-unit_type")).to_be_visible()
    expect(page.locator("#sc-field-enterprise_size")).to_be_hidden()
    page.check("#sc-field-unit_type input[value=enterprise]")
    expect(page.locator("#sc-field-enterprise_size")).to_be_visible()
    expect(page.locator("#sc-results .sc-notice")).to_contain_text("加载")

    page.wait_for_function("() => document.querySelector('#sc-results').hasAttribute('aria-busy')")
    assert held, "the page asked for the WebAssembly binary"
    held[0].continue_()
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    expect(page.locator('[data-engine-state="ready"]')).to_be_visible()
    assert selfcheck.cards(), "results appear once Python is ready"


def test_a_bad_answer_shows_the_calculators_message_on_its_field(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    answers = {"asker": "unit", "insured_staff_last_year": 2.5}
    with pytest.raises(calculator.InputError) as raised:
        calculator.evaluate(answers)
    selfcheck.answer(answers)
    (error,) = [e for e in raised.value.errors if e["field"] == "insured_staff_last_year"]
    assert selfcheck.field_error("insured_staff_last_year") == error["message"]
    expect(selfcheck.page.locator("#sc-input-insured_staff_last_year")).to_have_attribute("aria-invalid", "true")
    assert not selfcheck.cards()
    expect(selfcheck.page.locator("#sc-results .sc-notice-fix")).to_be_visible()

    selfcheck.answer({"insured_staff_last_year": 25})
    assert selfcheck.field_error("insured_staff_last_year") == ""
    assert selfcheck.cards()


def test_text_the_browser_cannot_read_as_a_number_is_an_error_too(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer({"asker": "unit"})
    selfcheck.page.locator("#sc-input-insured_staff_last_year").press_sequentially("3e")
    selfcheck.wait_until_settled()
    message = selfcheck.page.get_attribute("#sc-field-insured_staff_last_year", "data-bad-input")
    assert message and selfcheck.field_error("insured_staff_last_year") == message
    assert not selfcheck.cards()


def test_the_share_link_carries_the_answers_in_its_fragment_and_restores_them(open_selfcheck) -> None:
    first = open_selfcheck()
    first.answer(SME_EMPLOYER, as_of="2021-09-01")
    cards = first.cards()
    first.page.click("#sc-share")
    link = first.page.input_value("#sc-share-url")
    parts = urlsplit(link)
    assert parts.query == "" and parts.path.endswith("/self-check/")
    shared = dict(parse_qsl(parts.fragment))
    assert shared == {**{key: str(value) for key, value in SME_EMPLOYER.items()}, "as_of": "2021-09-01"}

    second = open_selfcheck(link)
    second.wait_until_settled()
    assert second.page.is_checked("#sc-field-enterprise_size input[value=sme]")
    assert second.page.input_value("#sc-input-uic_paid_last_year") == "52000"
    assert second.page.input_value("#sc-as-of") == "2021-09-01"
    assert second.cards() == cards


def test_a_share_link_with_an_answer_the_form_does_not_offer_says_so(open_selfcheck, site_url: str) -> None:
    selfcheck = open_selfcheck(f"{site_url}self-check/#asker=unit&unit_type=castle&as_of=2021-13-45")
    selfcheck.wait_until_settled()
    page = selfcheck.page
    assert selfcheck.field_error("unit_type") == page.get_attribute("#sc-field-unit_type", "data-bad-link")
    assert selfcheck.field_error("as_of") == page.get_attribute("[data-field=as_of]", "data-bad-link")
    assert not selfcheck.cards()
    selfcheck.answer({"unit_type": "enterprise"}, as_of="2021-10-01")
    assert selfcheck.field_error("unit_type") == selfcheck.field_error("as_of") == ""
    assert selfcheck.cards()


def test_clear_wipes_answers_results_and_the_fragment(open_selfcheck, site_url: str) -> None:
    selfcheck = open_selfcheck(f"{site_url}self-check/#asker=unit&insured_staff_last_year=12")
    selfcheck.wait_until_settled()
    assert selfcheck.cards()
    selfcheck.page.click("#sc-share")
    selfcheck.page.click("#sc-clear")
    selfcheck.wait_until_settled()
    page = selfcheck.page
    assert not page.is_checked("#sc-field-asker input[value=unit]")
    assert page.input_value("#sc-input-insured_staff_last_year") == ""
    assert page.input_value("#sc-share-url") == ""
    expect(page.locator("#sc-share-box")).to_be_hidden()
    expect(page.locator("#sc-step-questions")).to_be_hidden()
    assert not selfcheck.cards()
    assert urlsplit(page.url).fragment == ""
    assert_nothing_stored(page)


def test_printing_shows_the_answers_and_the_results_without_the_form(open_selfcheck) -> None:
    selfcheck = open_selfcheck()
    selfcheck.answer(SME_EMPLOYER)
    page = selfcheck.page
    page.emulate_media(media="print")
    expect(page.locator(".sc-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".sc-answers")).to_be_visible()
    expect(page.locator(".sc-answers dt").first).to_have_text(calculator.catalogue()[0]["label"])
    expect(page.locator(".sc-card").first).to_be_visible()
    assert page.pdf()[:4] == b"%PDF"


def test_instant_navigation_starts_the_self_check_and_keeps_python_loaded(
    new_page: Callable[..., Page], site_url: str, as_selfcheck
) -> None:
    """The test site is built for the address it is served from, so Material's instant navigation is on."""
    page = new_page(service_workers="allow")
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap: links now swap pages in place
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator(".md-nav a[href$='self-check/']").first.click()
    page.wait_for_url("**/self-check/")
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.answer({"asker": "unit"})
    assert selfcheck.cards()
    engine = page.evaluate_handle("() => window.policyCalculator")

    page.locator(".md-nav a[href$='timeline/']").first.click()
    page.wait_for_url("**/timeline/")
    # The address changes before Material swaps the content in: wait for the swap before going back.
    page.locator("#policy-selfcheck").wait_for(state="detached")
    page.go_back()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/self-check/"))  # its fragment keeps the answers
    selfcheck.wait_until_ready()
    selfcheck.answer({"asker": "unit"})
    assert selfcheck.cards()
    assert page.evaluate("() => window.notReloaded"), "Material swapped the pages in place"
    assert page.evaluate("engine => engine === window.policyCalculator", engine), "one Python for the window"


@pytest.fixture(scope="module")
def prefixed_site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served under /some/prefix/ of a static server."""
    root = tmp_path_factory.mktemp("prefixed")
    (root / "some").mkdir()
    (root / "some" / "prefix").symlink_to(built_site, target_is_directory=True)
    server, url = serve_in_background(root)
    yield f"{url}some/prefix/"
    server.shutdown()


def test_the_self_check_works_from_a_sub_path(open_selfcheck, prefixed_site_url: str, traffic) -> None:
    selfcheck = open_selfcheck(f"{prefixed_site_url}self-check/")
    selfcheck.answer(SME_EMPLOYER)
    cards = selfcheck.cards()
    assert cards and all(card["clause"].startswith(f"{prefixed_site_url}clauses/") for card in cards)
    assert all(urlsplit(r.url).path.startswith("/some/prefix/") for r in traffic.requests)


def test_without_webassembly_the_page_says_so_and_links_the_clauses(open_selfcheck) -> None:
    selfcheck = open_selfcheck(ready=False, init_script="delete globalThis.WebAssembly;")
    page = selfcheck.page
    expect(page.locator('#sc-unavailable [data-engine-state="unsupported"]')).to_be_visible()
    expect(page.locator('[data-engine-state="loading"]')).to_be_hidden()
    expect(page.locator("#sc-unavailable a[href$='clauses/c01/']")).to_be_visible()
    assert page.evaluate("() => window.policyCalculator.ready.then(() => 'ready', error => error.reason)") == (
        "unsupported"
    )


def test_the_engine_api_is_there_when_the_page_has_loaded_however_late_its_form_arrives(
    new_page: Callable[..., Page], site_url: str
) -> None:
    """`window.policyCalculator` exists by the page's `load` event (an embedding page and the offline step read
    it then), even while form.json, which says where Pyodide and the wheel are, is still on its way."""
    page = new_page()
    held: list[Route] = []
    page.route("**/form.json", lambda route: held.append(route))
    page.goto(f"{site_url}self-check/", wait_until="load")
    assert held and page.evaluate("() => typeof window.policyCalculator.ready.then") == "function"
    held[0].continue_()
    assert page.evaluate("() => window.policyCalculator.ready.then(() => 'ready')") == "ready"
    result = page.evaluate("answers => window.policyCalculator.evaluate(answers)", SME_EMPLOYER)
    assert result == json.loads(json.dumps(calculator.evaluate(SME_EMPLOYER)))


def test_python_starts_from_the_head_before_the_rest_of_the_page_has_arrived(
    new_page: Callable[..., Page], site_url: str, as_selfcheck
) -> None:
    """The engine starts from the page's head (templates/theme/main.html): with one of the head's style sheets held
    back, the parser stops in the head, before the form, and Python gets ready all the same."""
    page = new_page()
    held: list[Route] = []
    page.route("**/assets/stylesheets/site.css", lambda route: held.append(route))
    page.goto(f"{site_url}self-check/", wait_until="commit")
    page.wait_for_function("() => window.policyCalculator", polling=100)  # nothing is painted: no animation frames
    assert page.evaluate("() => window.policyCalculator.ready.then(() => 'ready')") == "ready"
    assert held and page.evaluate("() => document.getElementById('policy-selfcheck')") is None
    held[0].continue_()
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.answer(SME_EMPLOYER)
    assert selfcheck.cards()


def test_the_form_and_python_do_not_wait_for_materials_script(
    new_page: Callable[..., Page], site_url: str, as_selfcheck
) -> None:
    """On a phone Material's script at the end of the page runs seconds after the form has arrived: the form
    answers and shows results without it; once it has run, its instant navigation finds the self-check again."""
    page = new_page()
    held: list[Route] = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(f"{site_url}self-check/", wait_until="commit")
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.answer(SME_EMPLOYER)
    assert selfcheck.cards()
    assert held and page.evaluate("() => !window.document$ && document.readyState === 'loading'")

    held[0].continue_()
    page.wait_for_load_state("networkidle")  # Material has read the sitemap: links now swap pages in place
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator(".md-nav a[href$='timeline/']").first.click()
    page.locator("#policy-selfcheck").wait_for(state="detached")
    page.go_back()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/self-check/"))
    selfcheck.wait_until_ready()
    selfcheck.wait_until_settled()
    assert selfcheck.cards(), "the answers kept in the address are shown again"
    assert page.evaluate("() => window.notReloaded"), "Material swapped the pages in place"


def test_the_form_starts_when_its_script_arrives_after_materials_script_and_before_the_page_is_done(
    new_page: Callable[..., Page], site_url: str, as_selfcheck
) -> None:
    """Whichever comes first, the form's script or Material's, the form starts when its own script has arrived:
    here after Material's script has run, while a later script of the page holds up DOMContentLoaded."""
    page = new_page()
    form_script: list[Route] = []
    last_script: list[Route] = []
    page.route("**/assets/selfcheck/selfcheck.js", lambda route: form_script.append(route))
    page.route("**/assets/access/read-aloud.js", lambda route: last_script.append(route))
    page.goto(f"{site_url}self-check/", wait_until="commit")
    page.wait_for_function("() => window.document$")
    form_script[0].continue_()
    selfcheck = as_selfcheck(page)
    selfcheck.wait_until_ready()
    selfcheck.answer(SME_EMPLOYER)
    assert selfcheck.cards()
    assert last_script and page.evaluate("() => document.readyState") == "loading"
    last_script[0].continue_()


def test_without_its_form_the_engine_fails_as_a_download(new_page: Callable[..., Page], site_url: str) -> None:
    page = new_page()
    page.route("**/form.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{site_url}self-check/")
    outcome = "() => window.policyCalculator.ready.then(() => 'ready', error => [error.reason, error.failure])"
    assert page.evaluate(outcome) == ["failed", "download"]
    expect(page.locator('#sc-unavailable [data-engine-failure="download"]')).to_be_visible()


def test_when_python_cannot_load_the_page_says_so_without_a_traceback(
    new_page: Callable[..., Page], site_url: str, traffic
) -> None:
    page = new_page()
    page.route("**/*.whl", lambda route: route.fulfill(status=200, body=b"not a wheel"))
    page.goto(f"{site_url}self-check/")
    expect(page.locator('#sc-unavailable [data-engine-state="failed"]')).to_be_visible(timeout=120_000)
    expect(page.locator('[data-engine-state="loading"]')).to_be_hidden()
    page.check("#sc-field-asker input[value=unit]")
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body
    assert traffic.console_errors, "the detail goes to the console"


def test_opened_from_disk_the_page_explains_how_to_serve_it(new_page: Callable[..., Page], built_site: Path) -> None:
    page = new_page()
    page.goto((built_site / "self-check" / "index.html").as_uri())
    expect(page.locator('#sc-unavailable [data-engine-state="file"]')).to_be_visible()
    expect(page.locator('[data-engine-state="loading"]')).to_be_hidden()


def test_answering_sends_nothing_and_stores_nothing(open_selfcheck, traffic) -> None:
    def from_the_page():
        # The site's service worker may be caching the site meanwhile: its requests are its manifest's files.
        return [request for request in traffic.requests if request.service_worker is None]

    selfcheck = open_selfcheck(service_workers="allow")  # the whole site as a visitor gets it
    selfcheck.wait_until_settled()
    before = from_the_page()
    selfcheck.answer(SME_EMPLOYER)
    selfcheck.page.click("#sc-share")
    selfcheck.page.click("#sc-clear")
    selfcheck.wait_until_settled()
    since = from_the_page()[len(before):]
    # Keeping the answers in the address (after "#") makes the browser ask for the page's icon again: the same
    # file as before, and no request carries a fragment, in its address or its headers.
    assert {request.url for request in since} <= {request.url for request in before}
    assert not [r.url for r in since if "#" in r.url or any("#" in value for value in r.headers.values())]
    assert_nothing_stored(selfcheck.page)

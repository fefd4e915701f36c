"""The service worker in a visitor's browser (headless Chromium), with the real server started, stopped and
restarted: pages other than the self-check fetch no Pyodide file; after one visit the whole site, self-check
included, works with the server gone, in the display modes the visitor chose; a changed rule reaches a returning
visitor, online and then offline; nothing a visitor answers is stored."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Request

import calculator
from sitebuild import selfcheck, serviceworker
from sitebuild.paths import PROJECT_ROOT
from sitebuild.lockfile import LOCK_FILE, write_locked_wheel
from sitebuild.precompress import precompress_site
from sitebuild.selfcheck import PYODIDE_PACKAGE
from sitebuild.wheel import Distribution

from offline_site import Host, wait_for_self_check, wait_until

AS_OF = "2021-09-01"
SME_EMPLOYER = {
    "asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "insured_staff_last_year": 40,
    "layoffs_last_year": 1, "insured_at_end_of_2020": 38, "uic_paid_last_year": 52000,
}
EVALUATE = "([answers, asOf]) => window.policyCalculator.evaluate(answers, asOf)"
CACHE_KEYS = """async () => {
    const keys = {};
    for (const name of await caches.keys()) keys[name] = (await (await caches.open(name)).keys()).map(r => r.url);
    return keys;
}"""


def _under_sub_path(root: Path, site: Path, sub_path: str) -> Path:
    """A server root with `site` at /<sub_path>/."""
    (root / sub_path).parent.mkdir(parents=True)
    (root / sub_path).symlink_to(site, target_is_directory=True)
    return root


def _is_runtime(url: str) -> bool:
    return "/assets/pyodide/" in url or "/assets/calculator/" in url


def test_pages_other_than_the_self_check_fetch_no_pyodide_file(
    host: Host, built_site: Path, visitor: BrowserContext, visit: Callable[[str], Page]
) -> None:
    requests: list[Request] = []
    visitor.on("request", lambda request: requests.append(request))
    host.start(built_site)
    for path in ("", "clauses/c01/", "timeline/"):
        page = visit(host.url + path)
        page.evaluate("() => navigator.serviceWorker.ready")  # installed: the whole shell is cached
        page.wait_for_load_state("networkidle")
    assert requests and not [r.url for r in requests if _is_runtime(r.url)]
    cached = [url for urls in page.evaluate(CACHE_KEYS).values() for url in urls]
    assert host.url + "self-check/" in cached and not [url for url in cached if _is_runtime(url)]


def test_after_one_visit_the_whole_site_works_offline(
    host: Host, built_site: Path, tmp_path: Path, visitor: BrowserContext, visit: Callable[[str], Page]
) -> None:
    """Served from a sub-path, as a static host may; the one visit is to the self-check page. Offline, no page
    asks for anything it cannot have (Material's instant navigation reads the sitemap on every visit)."""
    host.start(_under_sub_path(tmp_path / "root", built_site, "policy/hurenshefa-2021-2"))
    site_url = host.url + "policy/hurenshefa-2021-2/"
    wait_for_self_check(visit(site_url + "self-check/"), offline_copy=True)

    host.stop()
    failed: list[str] = []  # by the pages (the worker's own tries of the network fail, then it answers from its cache)
    visitor.on("requestfailed", lambda request: request.service_worker or failed.append(request.url))
    for entry in serviceworker.manifest(built_site)["shell"]:
        if entry["url"] == "" or entry["url"].endswith("/"):
            page = visit(site_url + entry["url"])
            assert page.locator("article h1").count() == 1, entry["url"]
            page.close()

    page = visit(site_url)  # search: Material's search worker, the index and lunr's Chinese support
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("免申即享")
    search.press("End")  # Material searches on key events, which filling a field does not send
    found = page.locator(".md-search-result__item a")
    found.first.wait_for()
    assert any(urlsplit(href).path.endswith("/clauses/c01/") for href in found.evaluate_all("links => links.map(a => a.href)"))
    found.first.click()  # a result's link carries a query (?h=, for highlighting): the page is found without it
    page.wait_for_url("**?h=*")
    assert page.locator("article h1").count() == 1

    page = visit(site_url + "self-check/")
    wait_for_self_check(page)
    assert page.evaluate(EVALUATE, [SME_EMPLOYER, AS_OF]) == calculator.evaluate(SME_EMPLOYER, AS_OF)
    page.check("#sc-field-asker input[value=unit]")
    page.locator("#sc-results .sc-card").first.wait_for()
    assert not failed, sorted(set(failed))


@pytest.fixture
def changed_rule_site(built_site: Path, tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the built site as the build would write it after a change to one rule (a refund rate), and
    what the changed rules answer for an SME employer."""
    source = tmp_path / "source"
    shutil.copytree(PROJECT_ROOT / "calculator", source / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(PROJECT_ROOT / "pyproject.toml", source / "pyproject.toml")
    rule = source / "calculator" / "figures.py"  # as `python -m sitebuild.figures` writes it after a fact's change
    text = rule.read_text(encoding="utf-8")
    changed = text.replace('"other-unit-refund-rate": (Decimal("0.60")', '"other-unit-refund-rate": (Decimal("0.50")')
    assert changed != text, "the rule this test changes has moved: update the test"
    rule.write_text(changed, encoding="utf-8")
    answer = subprocess.run(
        [sys.executable, "-c", f"import calculator, json; print(json.dumps(calculator.evaluate({SME_EMPLOYER!r}, {AS_OF!r})))"],
        cwd=source, capture_output=True, text=True, check=True,
    ).stdout

    site = tmp_path / "site"
    shutil.copytree(built_site, site)  # unchanged files keep their times, as on a server that only gets changes
    _, old_wheel = serviceworker.self_check_urls(site)
    new_wheel = write_locked_wheel(
        Distribution.from_pyproject(source / "pyproject.toml"), PYODIDE_PACKAGE / LOCK_FILE, site / "assets" / "calculator"
    )
    shutil.rmtree((site / old_wheel).parent)
    form = site / selfcheck.FORM  # names the wheel the page installs
    described = form.read_text(encoding="utf-8")
    assert old_wheel in described
    form.write_text(described.replace(old_wheel, new_wheel.relative_to(site).as_posix()), encoding="utf-8")
    serviceworker.write_service_worker(site)
    precompress_site(site)
    return site, json.loads(answer)


def test_a_changed_rule_reaches_a_returning_visitor(
    host: Host, built_site: Path, changed_rule_site: tuple[Path, dict], visitor: BrowserContext,
    visit: Callable[[str], Page],
) -> None:
    new_site, new_answer = changed_rule_site
    old_answer = calculator.evaluate(SME_EMPLOYER, AS_OF)
    assert new_answer != old_answer
    host.start(built_site)
    page = visit(host.url + "self-check/")
    wait_for_self_check(page, offline_copy=True)
    assert page.evaluate(EVALUATE, [SME_EMPLOYER, AS_OF]) == old_answer
    page.close()

    # The next release is published; the visitor comes back.
    host.start(new_site)
    requests: list[Request] = []
    visitor.on("request", lambda request: requests.append(request))
    page = visit(host.url + "self-check/")
    wait_for_self_check(page)
    assert page.evaluate(EVALUATE, [SME_EMPLOYER, AS_OF]) == new_answer, "the new rule on the first visit after it"

    # Meanwhile the browser installs the new worker, which keeps the new release (the runtime included,
    # since this visitor uses the self-check) and drops the old one.
    new_cache = f"offline {host.url} {serviceworker.manifest(new_site)['version']}"
    wait_until(
        page,
        # caches.open would create the new cache while the old one is still there: look, don't touch
        "async ([name, url]) => { const keys = await caches.keys();"
        " return keys.length === 2 && keys.includes(name) && !!(await caches.match(url, {cacheName: name})); }",
        [new_cache, host.url + serviceworker.self_check_urls(new_site)[1]],
    )
    assert set(page.evaluate(CACHE_KEYS)) == {new_cache, "selfcheck-snapshots"}
    pyodide_downloads = [r.url for r in requests if r.service_worker and "/assets/pyodide/" in r.url]
    assert not pyodide_downloads, "unchanged files are copied from the old cache, not downloaded again"
    page.close()

    host.stop()
    page = visit(host.url + "self-check/")
    wait_for_self_check(page)
    assert page.evaluate(EVALUATE, [SME_EMPLOYER, AS_OF]) == new_answer, "offline, the new rule too"


def test_nothing_a_visitor_answers_is_stored(host: Host, built_site: Path, visit: Callable[[str], Page]) -> None:
    host.start(built_site)
    marker = "98765.43"
    page = visit(f"{host.url}self-check/#asker=unit&unit_type=enterprise&uic_paid_last_year={marker}")
    wait_for_self_check(page, offline_copy=True)
    page.fill("#sc-input-insured_staff_last_year", "77")
    page.click("#sc-share")
    page.locator("#sc-results .sc-card").first.wait_for()

    manifest = serviceworker.manifest(built_site)
    allowed = {host.url + entry["url"] for entry in manifest["shell"] + manifest["selfCheck"]}
    keys = page.evaluate(CACHE_KEYS)
    stored = [url for name, urls in keys.items() if name.startswith("offline ") for url in urls]
    assert set(stored) - allowed == {host.url + "sw-state.json"}
    (snapshot,) = keys["selfcheck-snapshots"]
    assert urlsplit(snapshot).path.endswith(".snapshot") and not urlsplit(snapshot).query
    holds_answers = page.evaluate(
        """async ([marker, key]) => {
            const response = await (await caches.open('selfcheck-snapshots')).match(key);
            const bytes = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
            return new TextDecoder('latin1').decode(bytes).includes(marker);
        }""",
        [marker, snapshot],
    )
    assert not holds_answers


def test_the_display_choices_hold_offline(host: Host, built_site: Path, visit: Callable[[str], Page]) -> None:
    """长辈模式 and high contrast, chosen online, apply to pages read with the server gone (their script and
    stylesheets come from the worker's cache)."""
    host.start(built_site)
    page = visit(host.url)
    page.evaluate("() => navigator.serviceWorker.ready")  # installed: the whole shell is cached
    page.locator(".site-large-text-toggle").click()
    while page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") != "contrast":
        page.locator("form[data-md-component=palette] label:visible").click()
    page.close()

    host.stop()
    page = visit(host.url + "clauses/c01/")
    assert page.evaluate("() => document.documentElement.hasAttribute('data-large-text')")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "contrast"
    assert page.evaluate("() => getComputedStyle(document.querySelector('article')).fontSize") == "19.2px"
    background = "selector => getComputedStyle(document.querySelector(selector)).backgroundColor"
    assert [page.evaluate(background, selector) for selector in ("body", ".md-header")] == [
        "rgb(255, 255, 255)", "rgb(0, 0, 0)"]

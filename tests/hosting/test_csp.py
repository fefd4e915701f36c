"""The Content-Security-Policy the site ships: in every page, before anything it governs, allowing the site's own
origin, WebAssembly and the theme's inline scripts by their hashes, nothing else; the build refuses what no hash
can allow; and the whole site works under it (no violation on the main pages, search, instant navigation, the
self-check, the offline copy), also with the policy sent as a header, as the hosting notes describe."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from hosts import CAUSES, READY_TIMEOUT_MS, Host, Watch
from playwright.sync_api import Page, expect

from sitebuild.csp import HEADERS, POLICY, PolicyError, add_content_security_policy, script_hash
from sitebuild.paths import DOCS_DIR, PROJECT_ROOT

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
MAIN_PAGES = ["", "clauses/c01/", "clauses/c18/", "attachments/a2/", "notice/", "glossary/", "references/",
              "timeline/", "about/", "about/hosting/", "self-check/"]


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(built_site.rglob("*.html"))}


@pytest.fixture(scope="module")
def policy(pages: dict[Path, str]) -> str:
    policies = {META.search(html).group(1) for html in pages.values()}
    assert len(policies) == 1, "one policy for the whole site (instant navigation keeps the first page's)"
    return policies.pop()


def test_every_page_carries_the_policy_before_anything_it_governs(pages: dict[Path, str]) -> None:
    for path, html in pages.items():
        assert len(META.findall(html)) == 1, path
        head = html[:html.index("</head>")]
        assert re.match(r'\s*<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">' + META.pattern, html,
                        re.IGNORECASE), path
        assert head.index("Content-Security-Policy") < min(head.find(tag) % len(head) for tag in ("<script", "<link"))


def test_the_policy_allows_the_site_itself_wasm_and_the_theme_scripts_by_hash_only(pages: dict[Path, str],
                                                                                   policy: str) -> None:
    found = directives(policy)
    inline = {script for html in pages.values() for script in INLINE_SCRIPT.findall(html)}
    assert inline, "the theme writes a few inline scripts"
    assert found["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted(f"'{script_hash(s)}'" for s in inline)]
    assert {name: sources for name, sources in found.items() if name != "script-src"} == {
        name: list(sources) for name, sources in POLICY.items() if name != "script-src"}
    assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"]
    assert not re.search(r"unsafe-inline|unsafe-eval'|https?:|\*", policy.replace("'wasm-unsafe-eval'", ""))


def test_the_sites_own_scripts_are_files(pages: dict[Path, str]) -> None:
    for path, html in pages.items():
        article = re.search(r"<article\b.*?</article>", html, re.S)
        assert article is None or not INLINE_SCRIPT.search(article.group()), path
        assert not re.search(r"\son[a-z]+=|\sstyle=|<style\b|javascript:", html, re.IGNORECASE), path
    for path in (DOCS_DIR / "assets").rglob("*.js"):
        script = path.read_text(encoding="utf-8")
        assert "eval(" not in script and "new Function" not in script, path


@pytest.mark.parametrize(("html", "message"), [
    ('<article><script>alert(1)</script></article>', "an inline script in the page's content"),
    ('<article><button onclick="go()">x</button></article>', "<button onclick=…>"),
    ('<p style="color: red">x</p>', "<p style=…>"),
    ("<style>p { color: red }</style>", "a <style> element"),
    ('<a href="javascript:go()">x</a>', "<a href=…>"),
])
def test_the_build_refuses_what_no_hash_can_allow(tmp_path: Path, html: str, message: str) -> None:
    page = tmp_path / "index.html"
    page.write_text(f'<!doctype html><html><head><meta charset="utf-8"></head><body>{html}</body></html>')
    with pytest.raises(PolicyError, match=re.escape(message)):
        add_content_security_policy(tmp_path)


def test_the_build_hashes_the_theme_scripts_it_finds(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for path, text in ((tmp_path / "index.html", "x=1"), (tmp_path / "a" / "index.html", "x=2\r\n")):
        path.write_text(f'<!DOCTYPE html><html><head><META CHARSET="utf-8"><script>{text}</script>'
                        '<script type="application/json">{}</script></head><body></body></html>', newline="")
    policy = add_content_security_policy(tmp_path)
    assert directives(policy)["script-src"][2:] == sorted(f"'{script_hash(text)}'" for text in ("x=1", "x=2\n"))
    assert (tmp_path / "a" / "index.html").read_text().startswith(
        '<!DOCTYPE html><html><head><META CHARSET="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">')


def test_the_server_sends_the_recommended_headers(site_url: str) -> None:
    for path in ("", "assets/selfcheck/worker.mjs", "sitemap.xml"):
        with urllib.request.urlopen(site_url + path) as response:
            assert {name: response.headers[name] for name in HEADERS} == HEADERS


def test_the_hosting_notes_give_the_headers_and_the_policy_for_nginx() -> None:
    notes = (DOCS_DIR / "about" / "hosting.md").read_text(encoding="utf-8")
    nginx = re.search(r"```nginx\n(.*?)```", notes, re.S).group(1)
    for name, value in HEADERS.items():
        assert f'add_header {name} "{value}" always;' in nginx
    assert "application/wasm wasm;" in nginx and re.search(r"text/javascript\s+js mjs;", nginx)
    for words in ("frame-ancestors", "report-uri", "'wasm-unsafe-eval'", "nosniff", "Referrer-Policy"):
        assert words in notes
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in readme and "docs/about/hosting.md" in readme
    for cause in CAUSES.values():  # what the page says, and what to check
        assert f"| {cause.removeprefix('原因可能是：').removesuffix('。')} |" in notes
    engine = (DOCS_DIR / "assets" / "selfcheck" / "engine.mjs").read_text(encoding="utf-8")
    assert "export const STALL_MS = 60_000;" in engine and "一分钟内没有收到任何数据" in notes


def visit_without_violations(page: Page, url: str, watch: Watch) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert not watch.violations(), (url, watch.violations())


def test_the_main_pages_search_and_instant_navigation_run_under_the_policy(open_page, site_url: str,
                                                                           watch: Watch) -> None:
    page = open_page()
    for path in MAIN_PAGES:
        visit_without_violations(page, site_url + path, watch)
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    page.check("#sc-field-asker input[value=unit]")
    expect(page.locator("#sc-results .sc-card").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap: links swap pages in place
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator(".md-nav a[href$='timeline/']").first.click()
    page.wait_for_url("**/timeline/")
    page.locator(".md-nav a[href$='self-check/']").first.click()
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    assert page.evaluate("() => window.notReloaded"), "instant navigation swapped the pages in place"
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("免申即享")
    search.press("End")
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=30_000)
    visit_without_violations(page, site_url + "nowhere/", watch)
    assert not watch.violations()
    assert [text for text in watch.console_errors if "404" not in text] == []


def test_the_offline_copy_runs_under_the_policy(open_page, site_url: str, watch: Watch) -> None:
    page = open_page(service_workers="allow")
    page.goto(site_url + "self-check/")
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    page.wait_for_function("() => performance.getEntriesByName('offline:self-check-cached').length > 0",
                           timeout=READY_TIMEOUT_MS)
    page.context.set_offline(True)
    for path in ("clauses/c01/", "self-check/"):
        visit_without_violations(page, site_url + path, watch)
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    assert [text for text in watch.console_errors if "ERR_INTERNET_DISCONNECTED" not in text] == []


def test_the_self_check_runs_with_the_policy_sent_as_a_header_too(serve_host: Callable[[Host], str], open_page,
                                                                  policy: str, watch: Watch) -> None:
    """The header form of the hosting notes: the page's policy plus frame-ancestors, on every response (so the
    worker, which no <meta> reaches, gets it too)."""
    url = serve_host(Host(headers={"Content-Security-Policy": f"{policy}; frame-ancestors 'self'"}))
    page = open_page()
    visit_without_violations(page, url + "self-check/", watch)
    expect(page.locator('#policy-selfcheck[data-engine="ready"]')).to_be_attached(timeout=READY_TIMEOUT_MS)
    page.check("#sc-field-asker input[value=unit]")
    expect(page.locator("#sc-results .sc-card").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    assert watch.console_errors == []

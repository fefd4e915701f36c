"""The built site asks no other origin for anything: no external URL in its HTML, CSS or JS, and a browser
visiting its pages makes no request beyond 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from sitebuild.paths import MKDOCS_YML

# An absolute URL (scheme://host…) anywhere, or a protocol-relative one (//host…) where a string, url() or an
# attribute value starts; a host is a dotted name or a template expression (`https://${host}/…`).
HOST = r"(?:localhost\b|[\w-]+(?:\.[\w-]+)+|\$\{)"
URL = re.compile(
    rf"""\b[a-z][a-z0-9+.-]*://{HOST}[^\s"'`<>()\\]*|(?<=["'`(=])//{HOST}[^\s"'`<>()\\]*""", re.IGNORECASE
)
# XML namespace names: identifiers in SVG markup and the sitemap, never fetched.
NAMESPACES = (
    "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
)

# URLs written in the vendored theme's and runtimes' CSS and JavaScript that this site never requests. Each
# entry says why; anything else fails. Conditions that keep the code paths dead are asserted below.
INERT_IN_VENDORED = {
    # licence notices, documentation references and error texts in comments or strings of vendored code
    "http://www.mozilla.org/MPL/": "lunr-languages licence comment",
    "https://github.com/MihaiValentin/lunr-languages": "lunr-languages header comment",
    "http://snowball.tartarus.org/": "Snowball stemmer credit comment",
    "http://code.google.com/p/urim/": "Snowball JS port credit comment",
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "lunr stemmer credit comment",
    "http://lunrjs.com": "lunr header comment",
    "http://chasen.org/~taku/software/TinySegmenter/LICENCE.txt": "TinySegmenter licence comment",
    "https://github.com/isaacs/node-glob/issues/": "comment in a bundled library",
    "https://github.com/umdjs/umd/": "comment in a bundled library",
    "https://github.com/nodejs/node/blob/": "comment in a bundled library",
    "https://fontawesome.com": "Font Awesome licence comment inside icon SVGs",
    "https://clipboardjs.com/": "clipboard.js licence comment",
    "https://developer.mozilla.org/docs/": "comment in a bundled polyfill",
    "http://wiki.ecmascript.org/": "comment in a bundled library",
    "http://wiki.commonjs.org/": "comment in a bundled library",
    "http://underscorejs.org": "comment in a bundled library",
    "http://people.mozilla.org/~jorendorff/": "comment in a bundled library",
    "http://msdn.microsoft.com/": "comment in a bundled library",
    "http://en.wikipedia.org/wiki/": "comment in a bundled library",
    "http://docs.python.org/": "comment in a bundled library",
    "http://narwhaljs.org": "comment in a bundled library",
    "https://bit.ly/2s3ChXG": "text of an error message in a bundled library",
    "https://drafts.fxtf.org/geometry/": "spec reference comments in the vendored ResizeObserver polyfill",
    # code paths this site never takes
    "https://unpkg.com/resize-observer-polyfill": "only where ResizeObserver is missing; the vendored copy loads first",
    "https://unpkg.com/mermaid@": "only for mermaid diagrams; no page has one",
    "https://api.github.com/": "repository facts, only with repo_url; mkdocs.yml sets none",
    "https://${e}/api/v4/projects/": "GitLab repository facts, only with repo_url; mkdocs.yml sets none",
    "https://cdn.jsdelivr.net/pyodide/": "Pyodide's default package CDN; the self-check loads no packages from it",
    "https://${t}": "Pyodide's socket shim parses a host name with new URL(); nothing is fetched",
    "file://${t}": "Pyodide's path handling under Node.js only",
}


def _external(text: str) -> list[str]:
    found = []
    for match in URL.finditer(text):
        url = match.group(0)
        if not url.startswith(NAMESPACES):
            found.append(url)
    return found


def _files(site: Path, *suffixes: str) -> list[Path]:
    return [path for path in site.rglob("*") if path.suffix in suffixes and path.is_file()]


def test_no_external_url_in_html(built_site: Path, site_url: str) -> None:
    # The site's own address (its site URL: canonical links, the sitemap) is the same origin, not another one.
    problems = {
        path.relative_to(built_site).as_posix(): urls
        for path in _files(built_site, ".html", ".xml")
        if (urls := [u for u in _external(path.read_text(encoding="utf-8")) if not u.startswith(site_url)])
    }
    assert not problems


def test_no_external_url_in_css_or_javascript_except_inert_vendored_strings(built_site: Path) -> None:
    problems = {}
    for path in _files(built_site, ".css", ".js", ".mjs"):
        urls = [u for u in _external(path.read_text(encoding="utf-8")) if not u.startswith(tuple(INERT_IN_VENDORED))]
        if urls:
            problems[path.relative_to(built_site).as_posix()] = urls
    assert not problems


def test_the_conditions_that_keep_vendored_urls_inert_hold(built_site: Path, tmp_path: Path) -> None:
    config = load_config(str(MKDOCS_YML), docs_dir=str(tmp_path))
    assert not config.repo_url and config.theme["font"] is False and config.extra["generator"] is False
    assert (built_site / "assets" / "vendor" / "resize-observer-polyfill" / "ResizeObserver.js").is_file()
    for path in _files(built_site, ".html"):
        html = path.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html
        assert "resize-observer-polyfill/ResizeObserver.js" in html, path


def test_the_scan_finds_an_external_url() -> None:
    assert _external('<link rel="stylesheet" href="https://fonts.googleapis.com/css">') == ["https://fonts.googleapis.com/css"]
    assert _external("<script src='//cdn.example.org/x.js'></script>") == ["//cdn.example.org/x.js"]
    assert _external("background:url(http://example.org/a.png)") == ["http://example.org/a.png"]
    assert _external('<svg xmlns="http://www.w3.org/2000/svg"></svg> //console.error(x) location.protocol=="file:"') == []
    assert _external("fetch(`https://${host}/api`)") == ["https://${host}/api"]


@pytest.mark.parametrize(
    "url_path", ["", "notice/", "clauses/c01/#c01-2", "attachments/a2/", "glossary/", "references/", "timeline/",
                 "about/", "about/hosting/", "self-check/"],
)
def test_a_browser_asks_no_other_origin(open_page, url_path: str) -> None:
    page = open_page(url_path)
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").count() == 1

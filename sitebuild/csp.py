"""The site's Content-Security-Policy, put into every built page as a <meta> element.

The policy allows what comes from the site's own origin and nothing else, plus WebAssembly ('wasm-unsafe-eval',
for Pyodide) and the inline scripts the theme writes into its pages (Material's few lines that read the colour
scheme and the like), each by the SHA-256 of its text, computed here from the built pages. The site's own
scripts are files: an inline script in a page's content, an inline event handler (onclick=…), a javascript:
URL, a style attribute or a <style> element fails the build, since no hash could allow it.

A <meta> policy cannot set frame-ancestors or report-uri: `HEADERS` are what a server should send besides
(docs/about/hosting.md shows them for nginx; sitebuild/serve.py sends them).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),  # and the hashes of the theme's inline scripts
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # Material's stylesheet draws its icons from data: URLs
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
"""The response headers the hosting notes recommend for every file: what a <meta> policy cannot do (no framing by
other sites), no type sniffing, and no address of a page sent to other sites."""
JAVASCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/ecmascript"})
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
CHARSET = re.compile(r'<meta charset="[^"]*">', re.IGNORECASE)


class PolicyError(Exception):
    """A page holds something the policy cannot allow, or the policy is not in force where it must be."""


def add_content_security_policy(site_dir: Path) -> str:
    """Put the policy into every page of the built site, right after <meta charset>, and return it."""
    pages = sorted(site_dir.rglob("*.html"))
    scripts = {page: _inline_scripts(page) for page in pages}
    policy = policy_for({script for found in scripts.values() for script in found})
    meta = META.format(policy=policy)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        charset = CHARSET.search(html)
        if charset is None:
            raise PolicyError(f"{page}: no <meta charset> to put the Content-Security-Policy after")
        page.write_text(html[:charset.end()] + meta + html[charset.end():], encoding="utf-8")
        _check(page, policy)
    return policy


def policy_for(inline_scripts: set[str]) -> str:
    """The policy text, allowing `inline_scripts` by their hashes."""
    directives = dict(POLICY)
    directives["script-src"] += tuple(sorted(f"'{script_hash(script)}'" for script in inline_scripts))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def script_hash(text: str) -> str:
    """The CSP source of an inline script: sha256- and the Base64 of the SHA-256 of its UTF-8 text."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _inline_scripts(page: Path) -> list[str]:
    parser = _Page(page)
    parser.feed(_as_browsers_read(page))
    parser.close()
    return parser.scripts


def _check(page: Path, policy: str) -> None:
    """The policy stands before anything it governs, and allows every inline script of the page."""
    html = _as_browsers_read(page)
    meta = html.find(META.format(policy=policy))
    first = re.search(r"<(script|link|style)\b", html, re.IGNORECASE)
    if meta < 0 or (first is not None and first.start() < meta):
        raise PolicyError(f"{page}: the Content-Security-Policy must come before the first script or stylesheet")
    allowed = set(re.findall(r"'(sha256-[^']+)'", policy))
    for script in _inline_scripts(page):
        if script_hash(script) not in allowed:
            raise PolicyError(f"{page}: the inline script {script[:60]!r}… has no hash in the policy")


def _as_browsers_read(page: Path) -> str:
    """The page's text with line ends as an HTML parser sees them (CRLF and CR become LF) before hashing."""
    return page.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


class _Page(HTMLParser):
    """The inline scripts of a page; PolicyError for what no hash can allow."""

    def __init__(self, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.scripts: list[str] = []
        self.article = 0  # depth inside <article>: the page's own content
        self.script: list[str] | None = None  # the text of the inline script being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or name == "style" or (value or "").strip().lower().startswith("javascript:"):
                raise PolicyError(f"{self.page}: <{tag} {name}=…> cannot be allowed by the Content-Security-Policy; "
                                  "put scripts in files under docs/assets/ and styles in a stylesheet")
        if tag == "style":
            raise PolicyError(f"{self.page}: a <style> element cannot be allowed; use a stylesheet file")
        if tag == "article":
            self.article += 1
        attributes = dict(attrs)
        inline = tag == "script" and "src" not in attributes
        if inline and (attributes.get("type") or "").strip().lower() in JAVASCRIPT_TYPES:
            if self.article:
                raise PolicyError(f"{self.page}: an inline script in the page's content; load it from a file "
                                  "under docs/assets/ instead")
            self.script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article -= 1
        elif tag == "script" and self.script is not None:
            self.scripts.append("".join(self.script))
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

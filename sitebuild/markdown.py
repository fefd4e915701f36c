"""Writing Markdown safely: escaping original text, and links MkDocs can validate in strict mode."""

from __future__ import annotations

import html
import posixpath
import re

# Characters that could be read as inline syntax (all in Python-Markdown's ESCAPED_CHARS once `tables` adds |).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def escape(text: str) -> str:
    """Text as inline Markdown that renders to exactly `text` (HTML-escaped, syntax backslash-escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute or Markdown link title."""
    return html.escape(text, quote=True)


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link from one docs page (e.g. `clauses/c01.md`) to another, as MkDocs resolves and validates it."""
    fragment = f"#{anchor}" if anchor else ""
    if to_page == from_page:
        return fragment or posixpath.basename(to_page)
    path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}{fragment}"


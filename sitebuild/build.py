"""The whole pipeline: load + validate notice/ → render pages with docs/ into a scratch dir → add the
self-check → strict MkDocs build into the site directory → Content-Security-Policy in every page → service worker
and pre-compressed copies."""

from __future__ import annotations

import datetime
import importlib.util
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import selfcheck
from .csp import PolicyError, add_content_security_policy
from .loader import load_notice
from .model import Notice
from .nav import navigation
from .pages import render_pages
from .paths import DOCS_DIR, MKDOCS_YML, NODE_MODULES, NOTICE_DIR, SCRATCH_DIR
from .precompress import precompress_site
from .serviceworker import write_service_worker

# Front-end files the theme would otherwise fetch from a CDN: npm package file → path in the site.
VENDORED = {
    "resize-observer-polyfill/dist/ResizeObserver.js": "assets/vendor/resize-observer-polyfill/ResizeObserver.js",
}


class SiteBuildError(Exception):
    """The site could not be built; the message says why (every MkDocs warning, in strict mode)."""


def require_jieba() -> None:
    """Chinese search needs jieba at build time; without it Material silently indexes unsegmented text."""
    if importlib.util.find_spec("jieba") is None:
        raise SiteBuildError(
            "jieba is not installed, so Chinese search cannot be segmented. "
            "Install the pinned version: .venv/bin/python -m pip install -r requirements.txt"
        )


def vendor_theme_assets(docs_dir: Path) -> None:
    """Copy the npm-installed files in VENDORED into the docs dir (package.json pins their versions)."""
    for source, target in VENDORED.items():
        path = NODE_MODULES / source
        if not path.is_file():
            raise SiteBuildError(f"{path} is missing: run `npm ci` (setup.sh does)")
        (docs_dir / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs_dir / target)


@contextmanager
def scratch_docs_dir() -> Iterator[Path]:
    """A fresh docs directory under .build/, removed afterwards (one per build, so builds can run side by side)."""
    SCRATCH_DIR.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="build-", dir=SCRATCH_DIR))
    try:
        yield scratch / "docs"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_search_dictionary(notice: Notice, path: Path) -> None:
    """A jieba user dictionary of the glossary's terms, so search keeps 稳岗返还 or 免申即享 as one word."""
    words = sorted({form for term in notice.glossary for form in term.forms if " " not in form})
    path.write_text("".join(f"{word} 10 n\n" for word in words), encoding="utf-8")


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(
    docs_dir: Path, site_dir: Path, nav: list, search_dictionary: Path, site_url: str | None = None
) -> None:
    """Build with MkDocs in strict mode; raise SiteBuildError listing every warning (broken link, anchor…)."""
    config = load_config(
        config_file=str(MKDOCS_YML), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, nav=nav,
        site_url=site_url,
    )
    config.plugins["material/search"].config.jieba_dict_user = str(search_dictionary)
    logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba, imported by the search plugin, logs at DEBUG
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        mkdocs_build(config)
    except MkDocsException as error:
        details = "\n".join(f"  {message}" for message in collector.messages)
        raise SiteBuildError(f"MkDocs build failed: {error}\n{details}".rstrip()) from error
    finally:
        logger.removeHandler(collector)


def build_site(site_dir: Path, today: datetime.date, site_url: str | None = None) -> None:
    """Build the whole site into `site_dir`, with timeline statuses as of `today`.

    `site_url` is the address the site will be served from (e.g. https://example.org/policy/). Material's
    instant navigation only works with it (it reads the sitemap, which lists pages by full URL); without it
    the site works as plain linked pages.
    """
    require_jieba()
    notice = load_notice(NOTICE_DIR)
    with scratch_docs_dir() as docs_dir:
        shutil.copytree(DOCS_DIR, docs_dir)
        vendor_theme_assets(docs_dir)
        render_pages(notice, today, docs_dir, selfcheck_page=selfcheck.PAGE)
        selfcheck.bundle(docs_dir)
        dictionary = docs_dir.parent / "search-words.txt"
        write_search_dictionary(notice, dictionary)
        run_mkdocs(docs_dir, Path(site_dir).resolve(), navigation(notice, selfcheck.PAGE), dictionary, site_url)
    try:
        add_content_security_policy(Path(site_dir))
    except PolicyError as error:
        raise SiteBuildError(f"Content-Security-Policy: {error}") from None
    write_service_worker(Path(site_dir))  # after the pages are final: its manifest hashes the built files
    precompress_site(Path(site_dir))  # last: sw.js gets its compressed copies too

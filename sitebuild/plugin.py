"""The MkDocs plugin `notice-pages` (pyproject.toml's entry point): the site's pages, made from notice/.

On every build it loads and validates notice/, sets the navigation from it, keeps the glossary's terms whole for
Chinese search, and adds to the hand-written files of docs/ the pages rendered from templates/, the self-check
(its page, its form description, the calculator wheel and Pyodide's runtime) and the theme's vendored scripts,
as files generated in `on_files`: nothing is written into the project. `mkdocs serve` watches notice/ and
templates/ besides docs/ and mkdocs.yml, so an edit to a clause is in the browser a moment later.

`build.py` runs the same build in strict mode and then adds what needs the built site: the Content-Security-
Policy, the service worker and the pre-compressed copies.
"""

from __future__ import annotations

import datetime
import importlib.util
import io
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, file_sort_key

from . import selfcheck
from .loader import NoticeDataError, load_notice
from .model import Notice
from .nav import navigation
from .pages import render_pages
from .paths import NODE_MODULES, NOTICE_DIR, TEMPLATES_DIR

# Front-end files the theme would otherwise fetch from a CDN: npm package file → path in the site.
VENDORED = {
    "resize-observer-polyfill/dist/ResizeObserver.js": "assets/vendor/resize-observer-polyfill/ResizeObserver.js",
}


class NoticePagesConfig(Config):
    today = config_options.Optional(config_options.Type(str))
    """YYYY-MM-DD: the day the timeline's statuses are computed for; today when not set (build.py sets it)."""


def require_jieba() -> None:
    """Chinese search needs jieba at build time; without it Material silently indexes unsegmented text."""
    if importlib.util.find_spec("jieba") is None:
        raise PluginError(
            "jieba is not installed, so Chinese search cannot be segmented. "
            "Install the pinned version: .venv/bin/python -m pip install -r requirements.txt"
        )


def search_words(notice: Notice) -> list[str]:
    """The glossary's terms, so that search keeps 稳岗返还 or 免申即享 as one word (a jieba user dictionary)."""
    return sorted({form for term in notice.glossary for form in term.forms if " " not in form})


def vendored_files() -> dict[str, Path]:
    """The npm-installed files in VENDORED (package.json pins their versions), by their path in the site."""
    found = {}
    for source, target in VENDORED.items():
        path = NODE_MODULES / source
        if not path.is_file():
            raise PluginError(f"{path} is missing: run `npm ci` (setup.sh does)")
        found[target] = path
    return found


class NoticePages(BasePlugin[NoticePagesConfig]):
    """Generates the site's pages and the self-check from notice/ (see the module's description)."""

    notice: Notice
    today: datetime.date

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_jieba()
        try:
            self.notice = load_notice(NOTICE_DIR)
        except NoticeDataError as error:
            raise PluginError(str(error)) from None
        self.today = datetime.date.fromisoformat(self.config.today) if self.config.today else datetime.date.today()
        config.nav = navigation(self.notice, selfcheck.PAGE)
        import jieba  # only now: required above; the search plugin segments with the same jieba

        jieba.load_userdict(io.StringIO("".join(f"{word} 10 n\n" for word in search_words(self.notice))))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        generated: dict[str, Any] = {
            **vendored_files(),
            **render_pages(self.notice, self.today, selfcheck.PAGE),
            **selfcheck.bundle(self.notice),
        }
        added = []
        for path, source in generated.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} is generated from notice/: remove it from docs/")
            if isinstance(source, Path):
                added.append(File.generated(config, path, abs_src_path=str(source)))
            else:
                added.append(File.generated(config, path, content=source))
        # In the order MkDocs gives the files of a docs dir, as if these were there (pages are built, and indexed
        # for search, in this order).
        return Files(sorted([*files, *added], key=file_sort_key))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for directory in (NOTICE_DIR, TEMPLATES_DIR):
            server.watch(str(directory))
        return server

"""The whole build: a strict MkDocs build, whose plugin (plugin.py) makes the pages and the self-check from
notice/ → Content-Security-Policy in every page → service worker and pre-compressed copies."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from .csp import PolicyError, add_content_security_policy
from .paths import MKDOCS_YML
from .precompress import precompress_site
from .serviceworker import write_service_worker

PLUGIN = "notice-pages"  # sitebuild.plugin.NoticePages, by its entry point in pyproject.toml


class SiteBuildError(Exception):
    """The site could not be built; the message says why (every MkDocs warning, in strict mode)."""


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config(site_dir: Path, today: datetime.date, site_url: str | None = None, **overrides: Any) -> MkDocsConfig:
    """mkdocs.yml in strict mode, building into `site_dir`, with the timeline's statuses as of `today`;
    `overrides` replace settings of mkdocs.yml (as `mkdocs build` options do)."""
    config = load_config(config_file=str(MKDOCS_YML), site_dir=str(site_dir), strict=True, site_url=site_url,
                         **overrides)
    if PLUGIN in config.plugins:
        config.plugins[PLUGIN].config.today = today.isoformat()
    return config


def run_mkdocs(config: MkDocsConfig) -> None:
    """Build with MkDocs; raise SiteBuildError listing every warning (broken link, anchor…) and the error."""
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
    site_dir = Path(site_dir).resolve()
    run_mkdocs(mkdocs_config(site_dir, today, site_url))
    try:
        add_content_security_policy(site_dir)
    except PolicyError as error:
        raise SiteBuildError(f"Content-Security-Policy: {error}") from None
    write_service_worker(site_dir)  # after the pages are final: its manifest hashes the built files
    precompress_site(site_dir)  # last: sw.js gets its compressed copies too

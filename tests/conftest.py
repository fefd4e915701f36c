"""Session fixtures shared by every test group: the notice data, the built site, the site over HTTP, a browser.

The site is built once per session (the real pipeline: strict MkDocs, self-check bundle) into a temporary
directory, with the build date fixed at 2026-11-27 so that statuses in the output are known, and with its
site URL set to the 127.0.0.1 address `site_url` serves it from.
"""

from __future__ import annotations

import datetime
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from sitebuild.build import build_site
from sitebuild.loader import load_notice
from sitebuild.model import Notice
from sitebuild.paths import NOTICE_DIR
from sitebuild.serve import SiteServer, make_server

BUILD_DATE = datetime.date(2026, 11, 27)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# The text of the notice as extracted from the published PDF, as received (notice/README.md): the site is
# checked against it.
SOURCE_TEXT = Path(__file__).parent.parent / "notice" / "source" / "notice-hurenshefa-2021-2.txt"


@pytest.fixture(scope="session")
def notice() -> Notice:
    return load_notice(NOTICE_DIR)


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Path, str]]:
    """A server bound to a free port before the build, so the site is built for the address it is served
    from (Material's instant navigation needs that); it starts answering when `site_url` is first used."""
    site_dir = tmp_path_factory.mktemp("site")
    server = make_server(site_dir, port=0)
    yield server, site_dir, f"http://127.0.0.1:{server.server_address[1]}/"
    server.server_close()


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[SiteServer, Path, str]) -> Path:
    _, site_dir, url = _site_server
    build_site(site_dir, today=BUILD_DATE, site_url=url)
    return site_dir


@pytest.fixture(scope="session")
def site_url(_site_server: tuple[SiteServer, Path, str], built_site: Path) -> Iterator[str]:
    server, _, url = _site_server
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright; each context gets a fresh profile of its own."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is missing: run `bash setup.sh` (it installs /usr/bin/chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# -- the source text, cut into pieces the site must carry verbatim -----------------------------------------

# A PDF line this wide or wider is a full line that runs on; a shorter one ends a paragraph or a heading.
FULL_LINE_WIDTH = 50
PUNCTUATION = re.compile(r"[。；，：:]")
LIST_MARKER = re.compile(r"(?<![\d.])\d+\.(?!\d)|（[一二三四五六七八九十]+）|^[一二三四五]、")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _move_letterhead_out(lines: list[str]) -> tuple[list[str], list[str]]:
    """The extraction spliced the letterhead between “在” and “我市参加…” in clause （一）: take it out."""
    start = next(i for i, line in enumerate(lines) if line.endswith("受益面。在")) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("我市参加"))
    return lines[:start] + lines[end:], lines[start:end]


def source_pieces(corrections: list[tuple[str, str]]) -> list[str]:
    """The source text cut at 。；，：, list markers, paragraph ends and layout columns, whitespace removed,
    with the recorded corrections (original → corrected) applied."""
    lines = [line.strip() for line in SOURCE_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    body, letterhead = _move_letterhead_out(lines)
    blocks, current = [*letterhead], ""
    for line in body:
        columns = re.split(r"\s{2,}", line)
        if len(columns) > 1:  # the signature and the imprint are laid out in columns
            blocks += [current, *columns] if current else columns
            current = ""
            continue
        current += line
        if _width(line) < FULL_LINE_WIDTH:
            blocks.append(current)
            current = ""
    blocks.append(current)
    pieces = []
    for block in blocks:
        text = re.sub(r"\s+", "", block)
        for original, corrected in corrections:
            text = text.replace(original, corrected)
        for piece in PUNCTUATION.split(text):
            pieces += [p for p in LIST_MARKER.split(piece) if p]
    return pieces


@pytest.fixture(scope="session")
def cut_source() -> Callable[[list[tuple[str, str]]], list[str]]:
    """`source_pieces` itself, for tests that cut the source with other corrections (or none)."""
    return source_pieces


@pytest.fixture(scope="session")
def pieces_of_source(notice: Notice) -> list[str]:
    """The source's pieces with the corrections recorded in notice/corrections.yaml applied."""
    return source_pieces([(c.original, c.corrected) for c in notice.corrections])

"""The build: every page of the contract exists, strict mode catches broken links and anchors, jieba is required."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import plugin
from sitebuild.build import SiteBuildError, build_site, mkdocs_config, run_mkdocs
from sitebuild.model import Notice
from sitebuild.paths import DOCS_DIR, PROJECT_ROOT
from sitebuild.plugin import search_words

PAGES = [
    "", "notice/", "clauses/", *(f"clauses/c{n:02d}/" for n in range(1, 19)), "attachments/a1/", "attachments/a2/",
    "glossary/", "references/", "timeline/", "about/", "about/hosting/", "self-check/",
]


def test_the_strict_build_writes_every_page_of_the_contract(built_site: Path) -> None:
    missing = [url for url in PAGES if not (built_site / url / "index.html").is_file()]
    assert not missing
    assert (built_site / "404.html").is_file() and (built_site / "search" / "search_index.json").is_file()


def _build_docs(tmp_path: Path, pages: dict[str, str]) -> None:
    """These pages alone, with the site's configuration but no plugin (so none of the notice's pages)."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    nav = [{"首页": "index.md"}, {"别页": "other.md"}]
    run_mkdocs(mkdocs_config(site, datetime.date(2026, 11, 27), docs_dir=str(docs), nav=nav, plugins=[]))


@pytest.mark.parametrize(
    ("link", "reported"),
    [
        ("[断开的锚点](other.md#c99-1)", "c99-1"),
        ("[不存在的页面](missing.md)", "missing.md"),
        ("[本页锚点](#nowhere)", "nowhere"),
    ],
)
def test_strict_mode_fails_on_a_broken_link_or_anchor(tmp_path: Path, link: str, reported: str) -> None:
    pages = {"index.md": f"# 首页\n\n{link}\n", "other.md": '# 别页\n\n<span id="c01-1">句</span>\n'}
    with pytest.raises(SiteBuildError) as raised:
        _build_docs(tmp_path, pages)
    assert reported in str(raised.value)


def test_the_same_pages_with_good_links_build(tmp_path: Path) -> None:
    pages = {"index.md": "# 首页\n\n[句子](other.md#c01-1)\n", "other.md": '# 别页\n\n<span id="c01-1">句</span>\n'}
    _build_docs(tmp_path, pages)
    assert (tmp_path / "site" / "other" / "index.html").is_file()


def test_the_build_fails_without_jieba(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_find_spec = plugin.importlib.util.find_spec
    monkeypatch.setattr(plugin.importlib.util, "find_spec",
                        lambda name, *a: None if name == "jieba" else real_find_spec(name, *a))
    with pytest.raises(SiteBuildError, match="jieba is not installed"):
        build_site(tmp_path / "site", datetime.date(2026, 11, 27))
    assert not (tmp_path / "site").exists()


def test_the_build_writes_nothing_into_the_docs(built_site: Path) -> None:
    """The plugin adds the generated pages to the build, not to docs/: docs/ holds what git holds."""
    status = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", str(DOCS_DIR)],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert [line for line in status.stdout.splitlines() if "__pycache__" not in line] == []


def test_build_py_rejects_a_date_that_is_not_a_date() -> None:
    result = subprocess.run(
        [sys.executable, "build.py", "--today", "2021-13-01"], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2 and "'2021-13-01' is not a date" in result.stderr


def test_the_search_dictionary_keeps_glossary_terms_whole(notice: Notice) -> None:
    assert {"稳岗返还", "免申即享", "零就业家庭"} <= set(search_words(notice))

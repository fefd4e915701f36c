"""Chinese search: the index is built with lang zh and jieba segmentation, and a search in the browser finds
the clause a term belongs to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def search_index(built_site: Path) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_index_is_chinese_and_segmented_by_jieba(search_index: dict) -> None:
    assert search_index["config"]["lang"] == ["zh"]
    assert "\\u200b" in search_index["config"]["separator"]
    c01 = next(doc for doc in search_index["docs"] if doc["location"] == "clauses/c01/#通知原文")
    # jieba splits words with U+200B; the glossary's terms stay whole thanks to the build's user dictionary
    assert "\u200b稳岗返还\u200b" in c01["text"] and "\u200b免申即享\u200b" in c01["text"]


def test_searching_in_the_browser_finds_the_clause(open_page) -> None:
    page = open_page("")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("免申即享")
    search.press("End")  # Material searches on key events, which filling a field does not send
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert "/clauses/c01/" in hrefs and "/glossary/" in hrefs, hrefs

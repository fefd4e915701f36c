"""Original text written into the generated Markdown renders back to exactly itself, and links resolve."""

from __future__ import annotations

import datetime
import html
import re

import markdown as python_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.dates import zh_date
from sitebuild.markdown import escape, relative

# The Markdown extensions mkdocs.yml enables that act on paragraphs.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
# What the notice is written with, plus every ASCII character that Markdown or HTML could read as syntax.
TEXT = st.text(alphabet=st.sampled_from(list("葫芦岛（）《》〔〕“”、，。：；％1234567890 abcX") + list("\\`*_{}[]()#+-.!|<>&\"':=~^")),
               min_size=1, max_size=40)


def _rendered(source: str) -> str:
    output = python_markdown.markdown(f'<span id="x">{source}</span>', extensions=EXTENSIONS)
    inner = re.fullmatch(r'<p><span id="x">(.*)</span></p>', output, re.DOTALL)
    assert inner, output
    return html.unescape(inner.group(1))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_renders_to_itself(text: str) -> None:
    assert _rendered(escape(text)) == text


def test_the_notice_s_own_brackets_and_symbols_survive() -> None:
    text = "符合《意见》(辽政发[2020]9号)规定；“学历证书+若干职业技能等级证书”（1+X证书）；不足1/3；1.5倍"
    assert _rendered(escape(text)) == text


def test_relative_links_between_docs_pages() -> None:
    assert relative("clauses/c01.md", "glossary.md", "insured-unit") == "../glossary.md#insured-unit"
    assert relative("clauses/c01.md", "clauses/c02.md") == "c02.md"
    assert relative("clauses/c01.md", "clauses/c01.md", "c01-2") == "#c01-2"
    assert relative("index.md", "about/index.md", "corrections") == "about/index.md#corrections"


def test_dates_are_written_as_the_notice_writes_them() -> None:
    assert zh_date(datetime.date(2021, 7, 26)) == "2021年7月26日"

"""A Markdown extension (mkdocs.yml `markdown_extensions`) that tells links standing alone from links in a sentence.

A link that is all there is in its list item, paragraph or table cell (a list of related clauses, a cell of the
timeline) is a control of its own, and gets the class `link-alone`: the stylesheets give it a touch target of
44 × 44 px on phones and 60 × 60 px in 长辈模式. A link inside a sentence keeps the height of its line, as WCAG 2.5.8
allows (its neighbours are words, not other targets).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASS = "link-alone"
BLOCKS = frozenset({"li", "p", "td", "th", "dd"})


def stands_alone(block: etree.Element) -> etree.Element | None:
    """The link that is the whole content of `block`, if it is one."""
    children = list(block)
    if block.tag not in BLOCKS or len(children) != 1 or children[0].tag != "a":
        return None
    link = children[0]
    return None if (block.text or "").strip() or (link.tail or "").strip() else link


class StandaloneLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for block in root.iter():
            link = stands_alone(block)
            if link is not None:
                link.set("class", " ".join(filter(None, [link.get("class"), CLASS])))


class StandaloneLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(StandaloneLinks(md), "standalone_links", 15)  # after inline links (20)


def makeExtension(**kwargs) -> StandaloneLinksExtension:
    return StandaloneLinksExtension(**kwargs)

"""The site's navigation, from the same data as the pages (so titles are never copied into mkdocs.yml)."""

from __future__ import annotations

from .model import Notice

NavItem = str | dict[str, "str | list[NavItem]"]


def navigation(notice: Notice, selfcheck_page: str) -> list[NavItem]:
    """The `nav` of the MkDocs config: home, full text, clauses by section, attachments, tools, about.

    Every section is titled by a label of its own (no section index page), so each navigation landmark has a
    name. The page for whoever hosts the site (about/hosting.md) is linked from 关于本站, not listed here
    (mkdocs.yml's `not_in_nav`): residents have no use for server set-up.
    """
    sections: list[NavItem] = [
        {f"{s.number}{s.title}": [{c.name: c.page} for c in s.clauses]} for s in notice.sections
    ]
    return [
        {"首页": "index.md"},
        {"通知全文": "notice.md"},
        {"条款解读": [{"全部条款": "clauses/index.md"}, *sections]},
        {"附件": [{a.name: a.page} for a in notice.attachments]},
        {"时间表": "timeline.md"},
        {"自测": selfcheck_page},
        {"名词解释": "glossary.md"},
        {"引用文件": "references.md"},
        {"关于本站": "about/index.md"},
    ]

"""What the self-check page's head asks for before its style sheets (sitebuild/selfcheck.py: head_loads)."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import selfcheck


def test_static_imports_follow_every_form_of_a_static_import(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    files = {
        "a/entry.mjs": 'import { one } from "./one.mjs";\nimport "./side.mjs";\nimport {\n  two,\n  three,\n} from "./two.mjs";\n'
                       '// import { never } from "./comment.mjs";\nconst later = () => import("./dynamic.mjs");\n',
        "a/one.mjs": 'import { two } from "./two.mjs";\nexport const one = 1;\n',
        "a/two.mjs": "import { four } from '../b/four.mjs';\nexport const two = 2, three = 3;\n",
        "a/side.mjs": "globalThis.side = true;\n",
        "b/four.mjs": 'import { one } from "../a/one.mjs";\nexport const four = 4;\n',
    }
    for name, source in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(source, encoding="utf-8")
    assert selfcheck.static_imports("a/entry.mjs", tmp_path) == ["a/one.mjs", "a/side.mjs", "a/two.mjs", "b/four.mjs"]


def test_the_head_starts_the_engine_before_any_style_sheet(built_site: Path) -> None:
    html = (built_site / "self-check" / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    start = re.search(r'<script type="module" async src="\.\./(assets/selfcheck/start\.mjs)">', head)
    assert start and start.start() < head.index('rel="stylesheet"')
    preloaded = re.findall(r'<link rel="(modulepreload|preload)" href="\.\./([^"]+)"(?: as="(\w+)")?', head)
    assert all((built_site / path).is_file() for _, path, _ in preloaded)
    modules = {path for rel, path, _ in preloaded if rel == "modulepreload"}
    own = {selfcheck.SCRIPT, *selfcheck.static_imports(selfcheck.SCRIPT), *selfcheck.static_imports(selfcheck.START)}
    assert modules == own - {selfcheck.START}
    assert {(path, kind) for rel, path, kind in preloaded if rel == "preload"} == {
        (selfcheck.FORM, "fetch"), ("assets/selfcheck/fallback.js", "script"), ("assets/selfcheck/selfcheck.css", "style")
    }


def test_other_pages_start_nothing(built_site: Path) -> None:
    for page in ("index.html", "clauses/c01/index.html", "timeline/index.html"):
        head = (built_site / page).read_text(encoding="utf-8").split("</head>")[0]
        assert "start.mjs" not in head and "preload" not in head, page

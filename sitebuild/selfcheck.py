"""The eligibility self-check's generated files, which the MkDocs plugin adds to the docs (plugin.py): the page,
the form's description, the calculator wheel and the vendored Pyodide runtime.

The page's form is rendered here from `calculator.catalogue()`, so it is complete before any script runs. The
script (docs/assets/selfcheck/) reads the form's description, `form.json` (`FORM`), written here from the same
catalogue and notice/: when each question is asked, every anchor a result can cite, the glossary, and where
Pyodide and the wheel are. It starts Pyodide in a module Web Worker, installs the wheel and evaluates. Every URL
the page and `form.json` carry is relative to the page or to `form.json`, so the site works from any sub-path of
a web server.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

import jinja2

import calculator
from calculator.contacts import NATIONAL_HOTLINE, NO_OFFICE
from calculator.dates import zh_date
from calculator.wording import AMOUNT_BOUNDS

from .lockfile import LOCK_FILE, locked_wheel
from .model import Clause, Notice
from .pages import anchor_label
from .paths import DOCS_DIR, PROJECT_ROOT, TEMPLATES_DIR
from .precompress import sent_size
from .stdlib import FULL_ARCHIVE, trimmed_stdlib
from .timeline import deadlines
from .wheel import Distribution

PYODIDE_PACKAGE = PROJECT_ROOT / "node_modules" / "pyodide"
# What the page needs of the npm package at run time: the loader, the Emscripten module, the WebAssembly
# binary and the standard library (the worker runs on a trimmed one, sitebuild/stdlib.py, served from
# assets/calculator/; this full one is its fallback). The lock file that loadPyodide reads is the site's own
# copy, with the rules' wheel added (sitebuild/lockfile.py), beside the wheel. Source maps, the CommonJS build,
# the consoles and the type declarations stay out of the site.
PYODIDE_RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PAGE = "self-check.md"
# The page is served at <site>/self-check/, one level below the site root.
SITE_ROOT_FROM_PAGE = "../"
ASSETS = "assets/selfcheck"  # the self-check's scripts and style sheet, in docs/
FORM = f"{ASSETS}/form.json"
"""The form's description, next to the script that reads it; its URLs are relative to itself."""
SITE_ROOT_FROM_FORM = "../" * FORM.count("/")
START = f"{ASSETS}/start.mjs"
"""The module that starts the engine, loaded from the self-check page's head (templates/theme/main.html)."""
SCRIPT = f"{ASSETS}/selfcheck.js"
"""The page's module, loaded right after the form (templates/selfcheck.md.j2)."""
# A static import of one of the site's own modules: `import {…} from "./x.mjs";` or `import "../y.mjs";`.
_STATIC_IMPORT = re.compile(r"""^import\b[^;]*?["'](\.\.?/[^"']+)["']""", re.MULTILINE)


def pyodide_version() -> str:
    """The version of the installed npm package `pyodide` (pinned by package-lock.json)."""
    manifest = PYODIDE_PACKAGE / "package.json"
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} is missing: run `npm ci` (setup.sh does) to install Pyodide")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def _url(root: str, docs_page: str, anchor: str | None = None) -> str:
    """`clauses/c01.md` → `<root>clauses/c01/#c01-2` (MkDocs directory URLs), `root` being the way to the site
    root from where the link is read."""
    return root + docs_page.removesuffix(".md") + "/" + (f"#{anchor}" if anchor else "")


def anchors(notice: Notice) -> dict[str, dict[str, str]]:
    """Every clause, attachment and sentence anchor with its URL from `form.json` and the name a reader knows it
    by. Results cite anchors (`c01-2`); the script links and names them from this map."""
    found = {}
    for part in notice.parts:
        heading = part.id if isinstance(part, Clause) else None  # a clause's heading carries its id
        found[part.id] = {"url": _url(SITE_ROOT_FROM_FORM, part.page, heading), "label": f"{part.label}{part.title}"}
        for sentence in part.sentences:
            found[sentence.id] = {
                "url": _url(SITE_ROOT_FROM_FORM, part.page, sentence.id),
                "label": anchor_label(notice, sentence.id),
            }
    return found


def glossary(notice: Notice) -> list[dict[str, str | list[str]]]:
    """Every glossary term with its spellings, its entry's URL from `form.json` and its definition: the script
    links the terms in the results' wording to their entries."""
    return [
        {"forms": list(term.forms), "url": _url(SITE_ROOT_FROM_FORM, "glossary.md", term.id),
         "definition": term.definition}
        for term in notice.glossary
    ]


def form_description(notice: Notice, pyodide_dir: str, wheel: str, stdlib: str) -> dict[str, Any]:
    """What `form.json` holds: the questions (`calculator.catalogue()`, with each one's `ask_if`), the anchors and
    glossary terms results name, and the Pyodide directory, the wheel and the trimmed standard library
    (`pyodide_dir`, `wheel`, `stdlib`: paths from the site root)."""
    return {
        "questions": calculator.catalogue(),
        "anchors": anchors(notice),
        "glossary": glossary(notice),
        "pyodide_index": SITE_ROOT_FROM_FORM + pyodide_dir + "/",
        "wheel": SITE_ROOT_FROM_FORM + wheel,
        "stdlib": SITE_ROOT_FROM_FORM + stdlib,
    }


def from_site_root(form: dict[str, Any], key: str) -> str:
    """A URL of a form description (`pyodide_index`, `wheel`, `stdlib`: relative to form.json) as a path from the
    site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(FORM), form[key]))


def runtime_urls(form: dict[str, Any]) -> tuple[str, str]:
    """The Pyodide directory and the wheel that a form description names, as paths from the site root."""
    return from_site_root(form, "pyodide_index") + "/", from_site_root(form, "wheel")


def static_imports(module: str, docs_dir: Path = DOCS_DIR) -> list[str]:
    """Every module that `module` (a path from the site root, in `docs_dir`) imports, directly or not, in the
    order found: what the page preloads with it."""
    found: list[str] = []
    waiting = [module]
    while waiting:
        importer = waiting.pop(0)
        for specifier in _STATIC_IMPORT.findall((docs_dir / importer).read_text(encoding="utf-8")):
            imported = posixpath.normpath(posixpath.join(posixpath.dirname(importer), specifier))
            if imported not in found:
                found.append(imported)
                waiting.append(imported)
    return found


def head_loads() -> dict[str, Any]:
    """What the self-check page's head loads before the style sheets (templates/theme/main.html), as paths from the
    site root: `start`, the module that starts the engine, run at once; `modules`, every module of it and of the
    page's own module (`page`); `fetch`, the form's description they read; `script` and `style`, the page's classic
    script and style sheet. The parser stops at each style sheet and script on its way, so without these the page's
    files would be asked for one after the other, each once the parser reached it: seconds on a phone. (The page's
    content loads `page`, `script` and `style` after the form, templates/selfcheck.md.j2.)"""
    modules = [START, *static_imports(START)]
    modules += [module for module in (SCRIPT, *static_imports(SCRIPT)) if module not in modules]
    return {
        "start": START,
        "page": SCRIPT,
        "modules": modules[1:],
        "fetch": [FORM],
        "script": [f"{ASSETS}/fallback.js"],
        "style": [f"{ASSETS}/selfcheck.css"],
    }


def render_page(catalogue: list[dict], notice: Notice, urls: dict[str, str], download_mb: float) -> str:
    """The self-check page's Markdown source (front matter, heading, and the form as raw HTML).

    `download_mb` is what the browser downloads to run the self-check, in MB (see `download_size`).
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # the form is HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["cn_date"] = zh_date
    parts = [
        {"label": part.label, "title": part.title, "url": _url(SITE_ROOT_FROM_PAGE, part.page)} for part in notice.parts
    ]
    return environment.get_template("selfcheck.md.j2").render(
        asker=catalogue[0],
        questions=catalogue[1:],
        parts=parts,
        notice=notice.document,
        deadlines=deadlines(notice),
        hotline=NATIONAL_HOTLINE,
        no_office=NO_OFFICE,
        urls=urls,
        head=head_loads(),
        download_mb=download_mb,
        amount_bounds=AMOUNT_BOUNDS,
    )


def download_size(files: dict[str, bytes | Path]) -> int:
    """The bytes that travel when the self-check runs: each file (its bytes, or the file holding them) as the
    server sends it (pre-compressed)."""
    return sum(sent_size(name, source if isinstance(source, bytes) else source.read_bytes())
               for name, source in files.items())


def bundle(notice: Notice) -> dict[str, str | bytes | Path]:
    """The self-check's generated files by their path in the docs dir: the page, its form description, the
    calculator wheel beside the lock file that names it (sitebuild/lockfile.py, in a directory named for the lock
    file's content), the trimmed standard library (sitebuild/stdlib.py, named for its content) and Pyodide's
    runtime files (the files in node_modules, in a directory named for Pyodide's version)."""
    pyodide_dir = f"assets/pyodide/{pyodide_version()}"
    files: dict[str, bytes | Path] = {f"{pyodide_dir}/{name}": PYODIDE_PACKAGE / name for name in PYODIDE_RUNTIME_FILES}
    distribution = Distribution.from_pyproject(PROJECT_ROOT / "pyproject.toml")
    locked = locked_wheel(distribution, PYODIDE_PACKAGE / LOCK_FILE)
    wheel = f"assets/calculator/{next(iter(locked))}"
    stdlib_name, stdlib = trimmed_stdlib(PYODIDE_PACKAGE, locked)
    # Named for its content, outside the wheel's directory: a changed rule that imports nothing new keeps its URL,
    # so browsers and the service worker keep their copy.
    stdlib_path = f"assets/calculator/{stdlib_name}"
    files |= {f"assets/calculator/{name}": data for name, data in locked.items()} | {stdlib_path: stdlib}
    form = form_description(notice, pyodide_dir, wheel, stdlib_path)
    files[FORM] = json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # What the page fetches: Pyodide's runtime with the trimmed standard library instead of the full one (fetched
    # only by the fallback), the rules' wheel and its lock file, the form and the self-check's own scripts.
    fetched = {name: source for name, source in files.items() if name != f"{pyodide_dir}/{FULL_ARCHIVE}"}
    scripts: dict[str, bytes | Path] = {
        f"{ASSETS}/{path.name}": path for path in sorted((DOCS_DIR / ASSETS).iterdir()) if path.is_file()
    }
    urls = {"site_root": SITE_ROOT_FROM_PAGE}
    page = render_page(calculator.catalogue(), notice, urls, download_mb=download_size(fetched | scripts) / 1_000_000)
    return {**files, PAGE: page}

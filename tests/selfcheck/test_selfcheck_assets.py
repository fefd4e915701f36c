"""What the build puts in the site for the self-check: Pyodide's runtime, the wheel, the form's description with
links that resolve, and the download it says it needs."""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import calculator
from sitebuild import precompress, selfcheck
from sitebuild.lockfile import LOCK_FILE
from sitebuild.paths import PROJECT_ROOT
from sitebuild.wheel import Distribution, content_hash, wheel_bytes


@pytest.fixture(scope="module")
def page_html(built_site: Path) -> str:
    return (built_site / "self-check" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def form(built_site: Path) -> dict:
    return json.loads((built_site / selfcheck.FORM).read_text(encoding="utf-8"))


def from_form(built_site: Path, url: str) -> Path:
    """The file a URL relative to the form's description names."""
    return ((built_site / selfcheck.FORM).parent / url.split("#")[0]).resolve()


def test_the_form_description_is_the_catalogue(form: dict) -> None:
    assert form["questions"] == calculator.catalogue()


def test_only_the_runtime_files_of_pyodide_are_copied(built_site: Path, form: dict) -> None:
    vendored = built_site / "assets" / "pyodide" / selfcheck.pyodide_version()
    compressed_copies = tuple(precompress.SUFFIXES.values())  # name.gz, name.br: the same file for the server
    files = [path.name for path in vendored.iterdir() if not path.name.endswith(compressed_copies)]
    assert sorted(files) == sorted(selfcheck.PYODIDE_RUNTIME_FILES)
    for name in selfcheck.PYODIDE_RUNTIME_FILES:
        assert filecmp.cmp(vendored / name, selfcheck.PYODIDE_PACKAGE / name, shallow=False), name
    assert from_form(built_site, form["pyodide_index"]) == vendored.resolve()


def test_the_wheel_is_served_beside_its_lock_file_under_the_lock_files_content_hash(built_site: Path, form: dict) -> None:
    wheels = list((built_site / "assets" / "calculator").glob("*/*.whl"))
    assert len(wheels) == 1
    (wheel,) = wheels
    data = wheel.read_bytes()
    lock = wheel.with_name(LOCK_FILE).read_bytes()
    assert wheel.parent.name == content_hash(lock)
    assert json.loads(lock)["packages"]["huludao-policy-calculator"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert data == wheel_bytes(Distribution.from_pyproject(PROJECT_ROOT / "pyproject.toml"))
    assert from_form(built_site, form["wheel"]) == wheel.resolve()


def test_every_anchor_a_result_can_cite_is_on_its_page(built_site: Path, form: dict) -> None:
    anchors = form["anchors"]
    assert {"c01", "c01-1", "c18", "a1-1", "a2-1-1", "a2-2-intro"} <= set(anchors)
    ids_on = {}
    for anchor, target in anchors.items():
        assert target["label"]
        path = from_form(built_site, target["url"]) / "index.html"
        assert path.name == "index.html" and path.parent.parent.name in ("clauses", "attachments")
        if anchor in ("a1", "a2"):
            assert path.parent.name == anchor and "#" not in target["url"]
            continue
        if path not in ids_on:
            ids_on[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
        assert target["url"].endswith(f"#{anchor}")
        assert anchor in ids_on[path], f"{anchor} is not an id on {path}"


def test_the_page_loads_nothing_from_another_origin(page_html: str, site_url: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page_html)
    loaded = [
        re.search(r'\b(?:src|href)="([^"]+)"', tag).group(1)
        for tag in tags
        if re.search(r'\b(?:src|href)="', tag) and not re.search(r'\brel="(?:canonical|alternate)"', tag)
    ]
    assert any("selfcheck.js" in url for url in loaded)
    assert not [url for url in loaded if re.match(r"^([a-z]+:)?//", url) and not url.startswith(site_url)]


def test_the_stated_download_is_what_travels(new_page, site_url: str, as_selfcheck, built_site: Path) -> None:
    """The loading text names the bytes that really travel when the self-check starts (pre-compressed where
    the server sends a copy), measured in the browser: the figure follows the files, whatever they become."""
    page = new_page()
    finished = []
    page.context.on("requestfinished", lambda request: finished.append(request))
    page.goto(f"{site_url}self-check/")
    as_selfcheck(page).wait_until_ready()
    page.wait_for_load_state("networkidle")
    fetched = {urlsplit(r.url).path: r.sizes()["responseBodySize"] for r in finished
               if urlsplit(r.url).path.startswith(("/assets/pyodide/", "/assets/calculator/", "/assets/selfcheck/"))}
    names = {path.rsplit("/", 1)[1] for path in fetched}
    # The trimmed standard library (sitebuild/stdlib.py) instead of Pyodide's full one.
    assert names >= {*selfcheck.PYODIDE_RUNTIME_FILES, "worker.mjs", "bridge.py"} - {"python_stdlib.zip"}
    assert "python_stdlib.zip" not in names and [name for name in names if name.startswith("python_stdlib-")]
    stated = float(re.search(r"约 ([\d.]+) MB", page.inner_text('[data-engine-state="loading"]')).group(1))
    assert abs(stated - sum(fetched.values()) / 1_000_000) <= 0.05
    selfcheck_files = sorted(p.name for p in (built_site / "assets" / "selfcheck").iterdir() if p.suffix not in (".gz", ".br"))
    assert sorted(path.rsplit("/", 1)[1] for path in fetched if "/selfcheck/" in path) == selfcheck_files

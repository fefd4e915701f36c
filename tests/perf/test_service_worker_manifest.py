"""The service worker's manifest: every page and what pages load, the self-check's runtime apart, each file with
its hash, and a version that changes whenever any of them does."""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from sitebuild import serviceworker
from sitebuild.lockfile import LOCK_FILE


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict:
    return serviceworker.manifest(built_site)


def _file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def test_the_built_worker_carries_the_manifest_of_the_built_site(built_site: Path, manifest: dict) -> None:
    script = (built_site / serviceworker.WORKER).read_text(encoding="utf-8")
    embedded = re.search(r"^const MANIFEST = (\{.*\});$", script, re.MULTILINE).group(1)
    assert json.loads(embedded) == manifest
    assert script.endswith(serviceworker.SOURCE.read_text(encoding="utf-8"))


def test_every_page_is_in_the_shell(built_site: Path, manifest: dict) -> None:
    pages = {path.parent.relative_to(built_site).as_posix() for path in built_site.rglob("index.html")}
    urls = {entry["url"] for entry in manifest["shell"]}
    assert {"" if page == "." else page + "/" for page in pages} <= urls
    assert {"search/search_index.json", "assets/offline/register.js", "assets/selfcheck/worker.mjs",
            "assets/selfcheck/bridge.py"} <= urls


def test_each_entry_has_the_hash_of_its_file(built_site: Path, manifest: dict) -> None:
    for entry in manifest["shell"] + manifest["selfCheck"]:
        digest = hashlib.sha256(_file(built_site, entry["url"]).read_bytes()).digest()
        assert entry["integrity"] == "sha256-" + base64.b64encode(digest).decode(), entry["url"]


def test_the_self_check_runtime_is_its_own_group_of_immutable_files(built_site: Path, manifest: dict) -> None:
    pyodide_index, wheel = serviceworker.self_check_urls(built_site)
    runtime = {entry["url"] for entry in manifest["selfCheck"]}
    directories = (built_site / pyodide_index, (built_site / wheel).parent)  # Pyodide; the wheel and its lock file
    vendored = {path.relative_to(built_site).as_posix() for directory in directories for path in directory.iterdir()
                if path.suffix not in (".gz", ".br")}
    assert wheel in vendored and posixpath.dirname(wheel) + "/" + LOCK_FILE in vendored
    # Pyodide's full standard library is fetched only by the fallback of an import missing from the trimmed one
    # (sitebuild/stdlib.py), which is kept instead.
    full_stdlib = pyodide_index + "python_stdlib.zip"
    (trimmed,) = (path.relative_to(built_site).as_posix()
                  for path in (built_site / "assets" / "calculator").glob("python_stdlib-*.zip"))
    assert full_stdlib in vendored and trimmed not in vendored
    assert runtime == vendored - {full_stdlib} | {trimmed}
    assert full_stdlib not in {entry["url"] for entry in manifest["shell"]}
    assert all(entry["immutable"] for entry in manifest["selfCheck"])
    assert not [e["url"] for e in manifest["shell"] if e["url"].startswith(("assets/pyodide/", "assets/calculator/"))]


def test_only_files_named_for_their_content_are_served_from_the_cache_first(manifest: dict) -> None:
    immutable = {entry["url"] for entry in manifest["shell"] if entry["immutable"]}
    assert immutable and all(re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", url) for url in immutable)
    assert not {"", "self-check/", "assets/selfcheck/worker.mjs", "search/search_index.json"} & immutable


def test_what_no_visitor_fetches_is_left_out(manifest: dict) -> None:
    urls = [entry["url"] for entry in manifest["shell"]]
    assert not [url for url in urls if url.endswith((".map", ".gz", ".br")) or url in ("404.html", "sw.js")]
    assert "sitemap.xml" in urls, "instant navigation reads it on every visit, offline too"
    lunr = sorted(url for url in urls if url.startswith(serviceworker.LUNR_DIR))
    assert lunr == [serviceworker.LUNR_DIR + "min/lunr.stemmer.support.min.js", serviceworker.LUNR_DIR + "min/lunr.zh.min.js"]


def test_the_version_follows_the_files(built_site: Path, manifest: dict, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    assert serviceworker.manifest(copy)["version"] == manifest["version"]
    page = copy / "clauses" / "c01" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<!-- 改 --></body>"), encoding="utf-8")
    assert serviceworker.manifest(copy)["version"] != manifest["version"]

"""sitebuild.serve: the right MIME types for the self-check's files, index pages, 404s, no directory listings."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

import pytest

from sitebuild.serve import serve_in_background


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("served")
    for name in ("runtime.wasm", "module.mjs", "script.js", "data.json", "style.css", "bundle.js.br", "archive.gz"):
        (root / name).write_bytes(b"\x00content")
    (root / "page").mkdir()
    (root / "page" / "index.html").write_text("<h1>页</h1>", encoding="utf-8")
    (root / "bare").mkdir()
    (root / "bare" / "file.txt").write_text("x", encoding="utf-8")
    (root / "404.html").write_text("<h1>没有这个页面</h1>", encoding="utf-8")
    server, url = serve_in_background(root)
    yield url
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("runtime.wasm", "application/wasm"),
        ("module.mjs", "text/javascript; charset=utf-8"),
        ("script.js", "text/javascript; charset=utf-8"),
        ("data.json", "application/json"),
        ("style.css", "text/css; charset=utf-8"),
        ("bundle.js.br", "application/octet-stream"),
        ("archive.gz", "application/gzip"),
    ],
)
def test_files_are_served_with_their_mime_type_and_no_content_encoding(served: str, name: str, content_type: str) -> None:
    status, headers, body = _get(served + name)
    assert (status, headers["Content-Type"], body) == (200, content_type, b"\x00content")
    assert "Content-Encoding" not in headers


def test_a_directory_serves_its_index_page(served: str) -> None:
    status, headers, body = _get(served + "page/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "页" in body.decode()


def test_a_directory_without_an_index_is_not_listed(served: str) -> None:
    status, _, body = _get(served + "bare/")
    assert status == 404 and b"file.txt" not in body


def test_a_missing_page_gets_the_sites_404_page(served: str) -> None:
    status, headers, body = _get(served + "nowhere/")
    assert status == 404 and "没有这个页面" in body.decode() and headers["Content-Type"].startswith("text/html")


def test_the_server_listens_on_loopback_only(served: str) -> None:
    assert served.startswith("http://127.0.0.1:")


def test_the_built_site_is_served(site_url: str) -> None:
    status, headers, body = _get(site_url + "clauses/c01/")
    assert status == 200 and 'id="c01-1"' in body.decode()

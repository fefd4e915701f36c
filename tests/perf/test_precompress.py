"""Pre-compressed copies: next to every larger text or WebAssembly file of the built site, identical to it once
decompressed, and sent by the site's server to a browser that accepts them."""

from __future__ import annotations

import gzip
import random
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import brotli
import pytest

from sitebuild import precompress, selfcheck
from sitebuild.serve import serve_in_background

DECOMPRESS = {"gzip": gzip.decompress, "br": brotli.decompress}


def test_the_large_files_have_both_copies(built_site: Path) -> None:
    pyodide = built_site / "assets" / "pyodide" / selfcheck.pyodide_version()
    (lock,) = (built_site / "assets" / "calculator").glob("*/pyodide-lock.json")
    large = [pyodide / "pyodide.asm.wasm", pyodide / "pyodide.asm.mjs", lock,
             built_site / "search" / "search_index.json", built_site / "self-check" / "index.html",
             built_site / "index.html", built_site / "sw.js"]
    for path in large:
        for suffix in precompress.SUFFIXES.values():
            assert path.with_name(path.name + suffix).is_file(), f"{path.name}{suffix}"


@pytest.mark.parametrize("encoding", sorted(precompress.SUFFIXES))
def test_every_copy_decompresses_to_its_file_and_pays(built_site: Path, encoding: str) -> None:
    suffix = precompress.SUFFIXES[encoding]
    candidates = precompress.candidates(built_site)
    assert len(candidates) > 40
    with_copy = 0
    for path in candidates:
        copy = path.with_name(path.name + suffix)
        original = path.read_bytes()
        if copy.is_file():
            with_copy += 1
            compressed = copy.read_bytes()
            assert DECOMPRESS[encoding](compressed) == original, copy
            assert len(compressed) <= precompress.MAX_RATIO * len(original), copy
        else:  # left out only where compression does not pay
            assert len(precompress.compress(original, encoding)) > precompress.MAX_RATIO * len(original), path
    assert with_copy > 40


def test_small_and_already_compressed_files_get_no_copy(built_site: Path) -> None:
    stdlib = built_site / "assets" / "pyodide" / selfcheck.pyodide_version() / "python_stdlib.zip"
    assert stdlib.is_file() and not list(stdlib.parent.glob("python_stdlib.zip.*"))  # its members are deflated
    assert not list(built_site.rglob("*.whl.*")) and not list(built_site.rglob("*.png.*"))
    small = [p for p in built_site.rglob("*") if p.is_file() and p.suffix in precompress.COMPRESSIBLE_SUFFIXES
             and p.stat().st_size < precompress.MIN_SIZE]
    assert small and not [p for p in small for s in precompress.SUFFIXES.values() if p.with_name(p.name + s).exists()]


def test_a_rebuilt_file_gets_fresh_copies_and_a_stale_copy_goes(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "page.html"
    page.write_text("<p>第一版</p>" * 400, encoding="utf-8")
    precompress.precompress_site(site, cache)
    page.write_text("<p>第二版</p>" * 400, encoding="utf-8")
    precompress.precompress_site(site, cache)
    assert gzip.decompress((site / "page.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((site / "page.html.br").read_bytes()) == page.read_bytes()

    page.write_bytes(random.Random(5).randbytes(2048))  # 2 KiB that compression cannot shrink
    precompress.precompress_site(site, cache)
    assert not list(site.glob("page.html.*"))


def test_the_size_that_travels_is_the_preferred_copys(built_site: Path) -> None:
    """What a browser that accepts Brotli receives: the .br copy where the site has one, else the file."""
    pyodide = built_site / "assets" / "pyodide" / selfcheck.pyodide_version()
    for path in [*pyodide.iterdir(), *(built_site / "assets" / "selfcheck").iterdir()]:
        if path.suffix in precompress.SUFFIXES.values():
            continue
        copy = path.with_name(path.name + precompress.SUFFIXES["br"])
        expected = copy.stat().st_size if copy.is_file() else path.stat().st_size
        assert precompress.sent_size(path.name, path.read_bytes()) == expected, path.name
    wasm = pyodide / "pyodide.asm.wasm"
    assert precompress.sent_size(wasm.name, wasm.read_bytes()) < wasm.stat().st_size / 2


def test_compressing_is_reproducible() -> None:
    data = "稳岗返还".encode() * 1000
    for encoding in precompress.SUFFIXES:
        assert precompress.compress(data, encoding) == precompress.compress(data, encoding)


# -- served by sitebuild.serve ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    server, url = serve_in_background(built_site)
    yield url
    server.shutdown()
    server.server_close()


def _get(url: str, accept: str | None) -> tuple[Message, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip"), (None, None),
     ("identity", None)],
)
@pytest.mark.parametrize(
    ("url_path", "file", "content_type"),
    [("", "index.html", "text/html; charset=utf-8"),
     ("clauses/c01/", "clauses/c01/index.html", "text/html; charset=utf-8"),
     (f"assets/pyodide/{selfcheck.pyodide_version()}/pyodide.asm.wasm",
      f"assets/pyodide/{selfcheck.pyodide_version()}/pyodide.asm.wasm", "application/wasm")],
)
def test_the_server_sends_the_copy_the_browser_accepts(
    served: str, built_site: Path, url_path: str, file: str, content_type: str, accept: str | None, encoding: str | None
) -> None:
    headers, body = _get(served + url_path, accept)
    assert headers["Content-Type"] == content_type
    assert headers.get("Content-Encoding") == encoding
    assert headers["Vary"] == "Accept-Encoding"
    assert (DECOMPRESS[encoding](body) if encoding else body) == (built_site / file).read_bytes()


def test_a_file_without_copies_is_sent_as_it_is(served: str, built_site: Path) -> None:
    stdlib = f"assets/pyodide/{selfcheck.pyodide_version()}/python_stdlib.zip"
    headers, body = _get(served + stdlib, "gzip, br")
    assert "Content-Encoding" not in headers and "Vary" not in headers
    assert body == (built_site / stdlib).read_bytes()

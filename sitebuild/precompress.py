"""Pre-compressed copies of the built site's larger files: `name.gz` and `name.br` next to `name`.

A server that can send them (nginx's `gzip_static` / `brotli_static`, or `sitebuild.serve`) answers a browser
that accepts gzip or Brotli with the smaller copy, compressed once at build time at the highest settings
rather than on every request. Compressing Pyodide's 9.6 MB WebAssembly binary with Brotli at quality 11 takes
about two minutes, so each result is kept in `.build/compressed/` under the SHA-256 of its input: a rebuild
only compresses files whose bytes changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path, PurePosixPath

import brotli

from .paths import SCRATCH_DIR

# Text and binary formats that compress well; images and wheels are compressed already.
COMPRESSIBLE_SUFFIXES = frozenset({".wasm", ".js", ".mjs", ".zip", ".json", ".css", ".html", ".xml", ".txt"})
MIN_SIZE = 1024  # below this, headers outweigh the saving
# A copy is kept only if it is at most this fraction of the original. Pyodide's python_stdlib.zip holds
# deflated members and shrinks by under 2 %: a copy would cost disk and decoding time for nothing.
MAX_RATIO = 0.95
SUFFIXES = {"gzip": ".gz", "br": ".br"}  # Content-Encoding → file name suffix
PREFERRED_ENCODINGS = ("br", "gzip")  # what a server sends when the browser accepts both
GZIP_LEVEL = 9
BROTLI_QUALITY = 11
CACHE_DIR = SCRATCH_DIR / "compressed"


def compress(data: bytes, encoding: str) -> bytes:
    """`data` compressed for the Content-Encoding `encoding` ("gzip" or "br"), byte for byte reproducible."""
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    if encoding == "br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    raise ValueError(f"unknown encoding {encoding!r}")


def _cached_compress(data: bytes, encoding: str, cache_dir: Path) -> bytes:
    settings = f"gzip{GZIP_LEVEL}" if encoding == "gzip" else f"br{BROTLI_QUALITY}"
    path = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{settings}"
    if path.is_file():
        return path.read_bytes()
    compressed = compress(data, encoding)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed, so a build running beside this one never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".partial-")
    with os.fdopen(handle, "wb") as file:
        file.write(compressed)
    os.replace(temporary, path)
    return compressed


def _compressible(name: str, size: int) -> bool:
    return PurePosixPath(name).suffix in COMPRESSIBLE_SUFFIXES and size >= MIN_SIZE


def _worth_compressing(path: Path) -> bool:
    return path.is_file() and _compressible(path.name, path.stat().st_size)


def candidates(site_dir: Path) -> list[Path]:
    """The files of the site worth compressing, in a stable order."""
    return sorted(path for path in site_dir.rglob("*") if _worth_compressing(path))


def _copy(data: bytes, encoding: str, cache_dir: Path) -> bytes | None:
    """The pre-compressed copy of `data` for `encoding`, or None where it would not shrink enough to keep."""
    compressed = _cached_compress(data, encoding, cache_dir)
    return compressed if len(compressed) <= MAX_RATIO * len(data) else None


def precompress_site(site_dir: Path, cache_dir: Path = CACHE_DIR) -> list[Path]:
    """Write `.gz` and `.br` copies next to each candidate that they shrink enough; return the copies written.

    A copy left from an earlier build of the same directory that no longer pays is removed.
    """
    written = []
    for path in candidates(site_dir):
        data = path.read_bytes()
        for encoding, suffix in SUFFIXES.items():
            copy = path.with_name(path.name + suffix)
            compressed = _copy(data, encoding, cache_dir)
            if compressed is not None:
                copy.write_bytes(compressed)
                written.append(copy)
            else:
                copy.unlink(missing_ok=True)
    return written


def sent_size(name: str, data: bytes, cache_dir: Path = CACHE_DIR) -> int:
    """How many bytes of a file named `name` holding `data` travel to a browser: the size of the copy
    `precompress_site` keeps for it in the preferred coding (Brotli, which every current browser accepts over
    HTTPS and which `sitebuild.serve` and nginx with `brotli_static` prefer), then gzip, else of the data itself."""
    if _compressible(name, len(data)):
        for encoding in PREFERRED_ENCODINGS:
            compressed = _copy(data, encoding, cache_dir)
            if compressed is not None:
                return len(compressed)
    return len(data)

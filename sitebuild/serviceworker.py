"""The site's service worker, written after the MkDocs build: `sw.js` at the site root.

Its manifest lists what it keeps for offline use, each file with its SHA-256 (as a Subresource Integrity
string), in two groups: the shell (every page and what pages load) and the self-check's runtime (Pyodide, and
the calculator wheel with its lock file, and the trimmed standard library, cached only once the self-check has been
used). Pyodide's full standard library is in neither: only the worker's fallback fetches it (see
`self_check_runtime`). The manifest's hash is
the worker's version, so any changed file (a new rule is a new wheel) makes a new `sw.js`, which browsers install
on the next visit. The worker's logic is in sw.js next to this module; docs/assets/offline/register.js registers it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path, PurePosixPath

from .selfcheck import FORM, from_site_root, runtime_urls
from .stdlib import FULL_ARCHIVE

SOURCE = Path(__file__).with_name("sw.js")
WORKER = "sw.js"
# Material's search worker loads lunr's language support itself; only the files it loads for the site's
# search languages are kept (its `setupSearchLanguages`: the stemmer support, one file per language but
# English, the multi-language file for several languages, and a segmenter for Japanese, Hindi and Thai).
LUNR_DIR = "assets/javascripts/lunr/"
LUNR_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
# The theme's own files carry a content hash in their name (bundle.a5f9d56c.min.js).
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
# Never fetched by a visitor: source maps, pre-compressed copies (the server picks them), the 404 page (served by
# the server for addresses the site does not have). The sitemap is kept: Material's instant navigation reads it
# on every visit, so offline that read is answered instead of failing.
EXCLUDED_SUFFIXES = (".map", ".gz", ".br")
EXCLUDED_FILES = {"404.html", WORKER}


def integrity(data: bytes) -> str:
    """The Subresource Integrity string of `data`: the browser checks a download against it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def url_of(relative: PurePosixPath) -> str:
    """The URL a file is requested by, relative to the site root: pages by their directory (`clauses/c01/`)."""
    if relative.name == "index.html":
        parent = relative.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return relative.as_posix()


def _form(site_dir: Path) -> dict:
    """The self-check's form description in a built site."""
    return json.loads((site_dir / FORM).read_text(encoding="utf-8"))


def self_check_urls(site_dir: Path) -> tuple[str, str]:
    """The Pyodide directory and the wheel that the self-check's form description names, from the site root."""
    return runtime_urls(_form(site_dir))


def self_check_runtime(site_dir: Path) -> set[Path]:
    """The files the self-check downloads to run: the Pyodide directory but its full standard library, the
    directory of the wheel its page names (the wheel and the lock file that names it) and the trimmed standard
    library.

    The full standard library is fetched only when an import misses the trimmed one (engine.mjs), which the
    build's trace of every scenario case and the browser tests rule out; keeping it offline would download its
    2.5 MB again for every visitor who uses the self-check, for a case that does not happen. Should it happen
    offline all the same, the page says that a file could not be downloaded, as for any other missing file.
    """
    form = _form(site_dir)
    pyodide_index, wheel = runtime_urls(form)
    pyodide_dir = (site_dir / pyodide_index).resolve()
    directories = (pyodide_dir, (site_dir / wheel).resolve().parent)
    trimmed = site_dir / from_site_root(form, "stdlib")
    return {path for directory in directories for path in directory.rglob("*")
            if path.is_file() and path != pyodide_dir / FULL_ARCHIVE} | {trimmed.resolve()}


def lunr_files(site_dir: Path) -> set[str]:
    """The lunr files Material's search worker loads for the languages of the site's search index."""
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    languages = config["lang"]
    files = {"min/lunr.stemmer.support.min.js"}
    files |= {f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    files |= {LUNR_SEGMENTERS[language] for language in languages if language in LUNR_SEGMENTERS}
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    return {LUNR_DIR + name for name in files}


def _kept(relative: PurePosixPath, lunr: set[str]) -> bool:
    path = relative.as_posix()
    if relative.name in EXCLUDED_FILES or relative.suffix in EXCLUDED_SUFFIXES:
        return False
    return not path.startswith(LUNR_DIR) or path in lunr


def manifest(site_dir: Path) -> dict:
    """{version, shell, selfCheck}: what the worker keeps, each entry {url, integrity, immutable}."""
    site_dir = site_dir.resolve()
    runtime = self_check_runtime(site_dir)
    fallback_only = (site_dir / self_check_urls(site_dir)[0] / FULL_ARCHIVE).resolve()
    lunr = lunr_files(site_dir)
    groups: dict[str, list[dict]] = {"shell": [], "selfCheck": []}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = PurePosixPath(path.relative_to(site_dir).as_posix())
        if not _kept(relative, lunr) or path == fallback_only:
            continue
        in_runtime = path in runtime
        groups["selfCheck" if in_runtime else "shell"].append({
            "url": url_of(relative),
            "integrity": integrity(path.read_bytes()),
            # Pyodide sits in a directory named for its version, the wheel and its lock file in one named for
            # the lock file's hash.
            "immutable": in_runtime or bool(HASHED_NAME.search(relative.name)),
        })
    source = SOURCE.read_text(encoding="utf-8")
    digest = hashlib.sha256(json.dumps(groups, sort_keys=True).encode() + source.encode())
    return {"version": digest.hexdigest()[:16], **groups}


def write_service_worker(site_dir: Path) -> Path:
    """Write `sw.js` into the built site and return its path."""
    contents = manifest(site_dir)
    script = (
        "// Generated by sitebuild/serviceworker.py from sitebuild/sw.js: the files to keep, with their hashes.\n"
        f"const MANIFEST = {json.dumps(contents, separators=(',', ':'))};\n\n"
        + SOURCE.read_text(encoding="utf-8")
    )
    path = site_dir / WORKER
    path.write_text(script, encoding="utf-8")
    return path

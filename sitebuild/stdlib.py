"""The self-check's trimmed standard library: the modules of Pyodide's `python_stdlib.zip` that the self-check
really imports, in an archive of their own that the worker loads instead of the full one (about 610 KB on the
wire, Brotli, against 2,550 KB).

Which modules those are is found inside the pinned Pyodide, under Node (sitebuild/stdlib.mjs): it starts
Pyodide as the worker does (the site's lock file, the wheel unpacked, a memory snapshot taken, then a start
restored from it), runs bridge.py and every scenario case of tests/calculator/cases/ plus the calls below
(the default date, bad answers), and lists every module imported since Pyodide's own start. The archive holds
those of them that the full one has, with their packages, as the same source files: stored, not deflated, so
that the pre-compressed copy (sitebuild/precompress.py) compresses across files. Sources rather than bytecode:
compiled for Python 3.14 the same modules take 1,110 KB with Brotli against 610 KB, and a cold start already
compiles the full archive's sources today.

Should an import still miss the archive at run time, the worker starts again on the full archive (engine.mjs),
so a visitor never meets a missing module; the browser tests run every case against the trimmed archive and
fail if that fallback was needed.

The archive is named for its content and served from assets/calculator/, outside the wheel's directory, so that a
changed rule which imports nothing new keeps the archive's URL and every cached copy. It is kept in
`.build/stdlib/` under a hash of everything that decides it, so a build without changed rules takes it from there
instead of running Node.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any

from .paths import DOCS_DIR, PROJECT_ROOT, SCRATCH_DIR
from .wheel import content_hash

FULL_ARCHIVE = "python_stdlib.zip"
TRACE_SCRIPT = Path(__file__).with_name("stdlib.mjs")
BRIDGE = DOCS_DIR / "assets" / "selfcheck" / "bridge.py"
CASES = PROJECT_ROOT / "tests" / "calculator" / "cases.py"
CACHE_DIR = SCRATCH_DIR / "stdlib"
_FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
# Besides the scenario cases: the page's call without a date (today), no answers at all, and answers the rules
# refuse (InputError), the way the form can send them.
EXTRA_CALLS: list[tuple[dict[str, Any], str | None]] = [
    ({}, None),
    ({"asker": "individual"}, None),
    ({"asker": "nobody", "birth_date": "2021-13-45"}, "2021-09-01"),
    ({"asker": "unit", "employees": -3}, "not a date"),
]

Call = tuple[str, "str | None"]


def scenario_cases() -> list[Any]:
    """The scenario cases of tests/calculator/cases/, as tests/calculator/cases.py reads them (loaded by its path:
    the test directories are not packages). The trace runs them; the browser tests compare them."""
    spec = importlib.util.spec_from_file_location("scenario_cases", CASES)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return list(module.load_cases())


def trace_calls() -> list[Call]:
    """The `evaluate_json` calls the trace makes: every scenario case, then `EXTRA_CALLS`."""
    calls = [(case.input, case.as_of) for case in scenario_cases()] + EXTRA_CALLS
    return [(json.dumps(answers, ensure_ascii=False), as_of) for answers, as_of in calls]


def traced_modules(pyodide_dir: Path, locked: dict[str, bytes], calls: list[Call]) -> list[str]:
    """Every module Python imports in the pinned Pyodide when the worker starts (in full and from a snapshot)
    and runs `calls`; `locked` is the wheel and its lock file by their paths (sitebuild/lockfile.py)."""
    with tempfile.TemporaryDirectory(prefix="stdlib-") as scratch:
        for name, data in locked.items():
            (Path(scratch) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(scratch) / name).write_bytes(data)
        wheel, lock = (Path(scratch) / name for name in locked)
        request = {"pyodideDir": str(pyodide_dir), "lockFile": str(lock), "wheel": str(wheel),
                   "bridge": BRIDGE.read_text(encoding="utf-8"), "calls": calls}
        (Path(scratch) / "input.json").write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
        output = Path(scratch) / "output.json"
        subprocess.run(["node", str(TRACE_SCRIPT), str(Path(scratch) / "input.json"), str(output)],
                       check=True, stdout=subprocess.DEVNULL)
        return list(json.loads(output.read_text(encoding="utf-8"))["modules"])


def members_for(modules: list[str], names: set[str]) -> list[str]:
    """The members of an archive (`names`) that hold `modules` (`pkg/__init__.py`, `pkg/mod.py`), with the
    directory entries of their packages, sorted."""
    found = set()
    for module in modules:
        stem = module.replace(".", "/")
        member = next((name for name in (f"{stem}/__init__.py", f"{stem}.py") if name in names), None)
        if member is None:
            continue  # built in, or not the standard library's (the rules' own package)
        found.add(member)
        found |= {f"{parent.as_posix()}/" for parent in PurePosixPath(member).parents if parent.name} & names
    return sorted(found)


def trimmed_archive(full: bytes, modules: list[str]) -> bytes:
    """The archive of the members of `full` that hold `modules`, stored, reproducibly."""
    buffer = BytesIO()
    with zipfile.ZipFile(BytesIO(full)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for name in members_for(modules, set(source.namelist())):
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE_TIME)
            info.external_attr = (0o755 if name.endswith("/") else 0o644) << 16
            archive.writestr(info, source.read(name), compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def trimmed_stdlib(pyodide_dir: Path, locked: dict[str, bytes], cache_dir: Path = CACHE_DIR) -> tuple[str, bytes]:
    """The trimmed standard library's file name (`python_stdlib-<content hash>.zip`) and bytes for the wheel
    and lock file `locked`, from the cache when nothing that decides it has changed."""
    full = (pyodide_dir / FULL_ARCHIVE).read_bytes()
    calls = trace_calls()
    key = hashlib.sha256()
    for part in (full, *locked.values(), BRIDGE.read_bytes(), TRACE_SCRIPT.read_bytes(),
                 Path(__file__).read_bytes(), json.dumps(calls).encode()):
        key.update(hashlib.sha256(part).digest())
    cached = cache_dir / f"{key.hexdigest()}.zip"
    if cached.is_file():
        data = cached.read_bytes()
    else:
        data = trimmed_archive(full, traced_modules(pyodide_dir, locked, calls))
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Written under a temporary name and renamed, so a build running beside this one never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".partial-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, cached)
    return f"python_stdlib-{content_hash(data)}.zip", data

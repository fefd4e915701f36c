"""The rules' wheel in Pyodide's lock file: the site's own `pyodide-lock.json`, with the wheel's SHA-256.

pyodide-build's `pyodide lockfile add-wheels` (the `pyodide_lock` package it installs; this module calls the
function behind that command) adds the calculator wheel to a copy of the pinned Pyodide's lock file: its file
name, its sha256, the import name `calculator`, no dependencies. The worker loads the wheel by its name through
that lock file, so Pyodide checks the download against the sha256 and refuses a corrupted, truncated or stale
wheel instead of running it.

The wheel and its lock file are written side by side to a directory named for the lock file's content hash (the
lock file holds the wheel's sha256, so a changed rule changes it too): their URLs never serve other bytes, and
the lock file's relative `file_name` resolves to the wheel beside it (Pyodide's default `packageBaseUrl`).

Should a later Pyodide run on a host Python of its own version, `pyodide py-compile` (a wheel in, a wheel of
bytecode out) would slot in between writing the wheel and adding it here.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from .wheel import Distribution, content_hash, wheel_bytes

LOCK_FILE = "pyodide-lock.json"


def add_wheel(pyodide_lock: Path, wheel: Path, output: Path) -> None:
    """`pyodide lockfile add-wheels WHEEL --input PYODIDE_LOCK --output OUTPUT`, with the wheel's file name
    relative to the output's directory."""
    spec = add_wheels_to_spec(PyodideLockSpec.from_json(pyodide_lock), [wheel])
    spec.to_json(output)


def locked_wheel(dist: Distribution, pyodide_lock: Path) -> dict[str, bytes]:
    """The wheel of `dist` and the lock file that names it, by their paths under `<content hash of the lock
    file>/`: the wheel first."""
    with tempfile.TemporaryDirectory(prefix="wheel-") as scratch:
        wheel = Path(scratch) / dist.wheel_name
        wheel.write_bytes(wheel_bytes(dist))
        lock = Path(scratch) / LOCK_FILE
        add_wheel(pyodide_lock, wheel, lock)
        target = content_hash(lock.read_bytes())
        return {f"{target}/{path.name}": path.read_bytes() for path in (wheel, lock)}


def write_locked_wheel(dist: Distribution, pyodide_lock: Path, out_dir: Path) -> Path:
    """Write `locked_wheel` to `out_dir` and return the wheel's path."""
    files = locked_wheel(dist, pyodide_lock)
    for name, data in files.items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(data)
    return out_dir / next(iter(files))

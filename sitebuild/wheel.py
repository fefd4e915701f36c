"""Write the rules package `calculator` as a pure-Python wheel, byte for byte reproducible.

A pure-Python wheel is a plain zip (PEP 427), so it is written here with the standard library rather than by
`pyodide build`, which downloads a cross-build environment (Emscripten and Pyodide's Python headers) that an
offline machine cannot fetch and that a wheel without compiled code does not need. The metadata comes from
pyproject.toml's [project] table, the same table the standard tools read (`pip wheel --no-deps .` builds an
equivalent wheel through flit_core). Entries are sorted and stamped with a fixed date, so the same sources always
give the same bytes. sitebuild/lockfile.py then adds the wheel to Pyodide's lock file with pyodide-build.

The wheel is the browser's: it carries the modules that `import calculator` loads, not the command line
(`__main__`, `batch`, `rows`, `files`) or the registry, which only the command line and the build import. On
CPython the whole package runs from the source tree.
"""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from .imports import imported_modules

_FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_TAG = "py3-none-any"


@dataclass(frozen=True)
class Distribution:
    """What the wheel is called and which import package it carries."""

    name: str
    version: str
    summary: str
    requires_python: str
    package_dir: Path

    @classmethod
    def from_pyproject(cls, pyproject: Path) -> Distribution:
        """Read [project] and [tool.flit.module] of a pyproject.toml."""
        config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        project = config["project"]
        module = config["tool"]["flit"]["module"]["name"]
        return cls(
            name=project["name"],
            version=project["version"],
            summary=project["description"],
            requires_python=project["requires-python"],
            package_dir=pyproject.parent / module,
        )

    @property
    def wheel_name(self) -> str:
        """The PEP 427 file name, e.g. `huludao_policy_calculator-1.0.0-py3-none-any.whl`."""
        return f"{self._escaped_name}-{self.version}-{_TAG}.whl"

    @property
    def _escaped_name(self) -> str:
        return re.sub(r"[-_.]+", "_", self.name).lower()

    @property
    def dist_info(self) -> str:
        return f"{self._escaped_name}-{self.version}.dist-info"


def package_files(package_dir: Path) -> list[Path]:
    """The files of an import package, without bytecode caches or hidden files, in a stable order."""
    return sorted(
        path
        for path in package_dir.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        and not any(part.startswith(".") for part in path.relative_to(package_dir).parts)
    )


def wheel_files(package_dir: Path) -> list[Path]:
    """What the wheel carries of the package: the modules that `import <package>` loads (sitebuild/imports.py)
    and every file that is not a Python module (data a module may read), in a stable order."""
    modules = imported_modules(package_dir)
    return [path for path in package_files(package_dir) if path.suffix != ".py" or path in modules]


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _metadata_files(dist: Distribution) -> dict[str, bytes]:
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {dist.name}\n"
        f"Version: {dist.version}\n"
        f"Summary: {dist.summary}\n"
        f"Requires-Python: {dist.requires_python}\n"
    )
    wheel = f"Wheel-Version: 1.0\nGenerator: sitebuild.wheel\nRoot-Is-Purelib: true\nTag: {_TAG}\n"
    return {
        f"{dist.dist_info}/METADATA": metadata.encode("utf-8"),
        f"{dist.dist_info}/WHEEL": wheel.encode("utf-8"),
    }


def wheel_bytes(dist: Distribution) -> bytes:
    """The wheel of `dist` as bytes: the package's files it carries (`wheel_files`), METADATA, WHEEL and RECORD."""
    root = dist.package_dir.parent
    entries = {path.relative_to(root).as_posix(): path.read_bytes() for path in wheel_files(dist.package_dir)}
    if not entries:
        raise FileNotFoundError(f"{dist.package_dir} holds no files to put in the wheel")
    entries.update(_metadata_files(dist))
    record_name = f"{dist.dist_info}/RECORD"
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries.items())
    entries[record_name] = (record + f"{record_name},,\n").encode("utf-8")

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def content_hash(data: bytes) -> str:
    """A short hex digest of `data`, to name the directory a file is served from."""
    return hashlib.sha256(data).hexdigest()[:16]

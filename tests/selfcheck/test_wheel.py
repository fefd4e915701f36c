"""The calculator wheel: reproducible, complete, valid for pip, and in Pyodide's lock file with its sha256, served
from a directory named by the lock file's content."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitebuild.lockfile import LOCK_FILE, write_locked_wheel
from sitebuild.paths import PROJECT_ROOT
from sitebuild.selfcheck import PYODIDE_PACKAGE
from sitebuild.wheel import Distribution, content_hash, package_files, wheel_bytes

PYODIDE_LOCK = PYODIDE_PACKAGE / LOCK_FILE


@pytest.fixture(scope="module")
def distribution() -> Distribution:
    return Distribution.from_pyproject(PROJECT_ROOT / "pyproject.toml")


@pytest.fixture(scope="module")
def wheel(distribution: Distribution) -> bytes:
    return wheel_bytes(distribution)


def test_the_same_sources_give_the_same_bytes(distribution: Distribution, wheel: bytes) -> None:
    assert wheel_bytes(distribution) == wheel


def test_the_wheel_holds_every_file_of_the_package_and_nothing_else(distribution: Distribution, wheel: bytes) -> None:
    names = zipfile.ZipFile(io.BytesIO(wheel)).namelist()
    package = sorted(name for name in names if not name.startswith(distribution.dist_info))
    expected = sorted(path.relative_to(PROJECT_ROOT).as_posix() for path in package_files(distribution.package_dir))
    assert package == expected
    assert "calculator/__init__.py" in package
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert sorted(set(names) - set(package)) == [
        f"{distribution.dist_info}/{name}" for name in ("METADATA", "RECORD", "WHEEL")
    ]


def test_record_lists_every_file_with_its_sha256_and_size(distribution: Distribution, wheel: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(wheel))
    record_name = f"{distribution.dist_info}/RECORD"
    rows = list(csv.reader(io.StringIO(archive.read(record_name).decode("utf-8"))))
    assert sorted(row[0] for row in rows) == sorted(archive.namelist())
    for name, digest, size in rows:
        if name == record_name:
            assert (digest, size) == ("", "")
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, int(size)) == (f"sha256={expected}", len(data)), name


def test_pip_installs_the_wheel_and_it_evaluates(distribution: Distribution, tmp_path: Path) -> None:
    wheel = tmp_path / distribution.wheel_name
    wheel.write_bytes(wheel_bytes(distribution))
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", target, wheel],
        check=True,
    )
    probe = (
        "import json, calculator; "
        "print(calculator.__file__); "
        "print(json.dumps(calculator.evaluate({'asker': 'unit'}, '2021-08-01')))"
    )
    # -I: ignore the environment and the current directory, so the import can only come from the wheel.
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    installed_at, result = run.stdout.splitlines()
    assert Path(installed_at).is_relative_to(target)
    assert '"as_of": "2021-08-01"' in result


def test_pyodide_build_adds_the_wheel_to_pyodides_lock_file_with_its_sha256(
    distribution: Distribution, wheel: bytes, tmp_path: Path
) -> None:
    path = write_locked_wheel(distribution, PYODIDE_LOCK, tmp_path)
    assert path.read_bytes() == wheel
    lock_bytes = path.with_name(LOCK_FILE).read_bytes()
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([distribution.wheel_name, LOCK_FILE])
    assert path.parent.name == content_hash(lock_bytes)
    lock, pyodide = json.loads(lock_bytes), json.loads(PYODIDE_LOCK.read_text(encoding="utf-8"))
    entry = lock["packages"].pop(distribution.name)
    assert entry["file_name"] == distribution.wheel_name  # beside the lock file
    assert entry["sha256"] == hashlib.sha256(wheel).hexdigest()
    assert (entry["imports"], entry["depends"], entry["install_dir"]) == (["calculator"], [], "site")
    assert lock == pyodide  # Pyodide's own entries and its ABI stay as they are


def test_a_changed_rule_gets_a_new_url(distribution: Distribution, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(distribution.package_dir, project / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", project)
    copy = Distribution.from_pyproject(project / "pyproject.toml")
    before = write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "before")
    assert write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "again").parent.name == before.parent.name
    with (project / "calculator" / "__init__.py").open("a", encoding="utf-8") as module:
        module.write("\n# a changed rule\n")
    after = write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "after")
    assert after.name == before.name == distribution.wheel_name
    assert after.parent.name != before.parent.name

"""The calculator wheel: reproducible, complete, valid for pip, and named by its content."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitebuild.paths import PROJECT_ROOT
from sitebuild.wheel import Distribution, content_hash, package_files, wheel_bytes, write_wheel


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
    wheel = write_wheel(distribution, tmp_path / "dist")
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


def test_a_changed_rule_gets_a_new_url(distribution: Distribution, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(distribution.package_dir, project / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", project)
    copy = Distribution.from_pyproject(project / "pyproject.toml")
    before = write_wheel(copy, tmp_path / "before")
    assert before.parent.name == content_hash(before.read_bytes())
    with (project / "calculator" / "__init__.py").open("a", encoding="utf-8") as module:
        module.write("\n# a changed rule\n")
    after = write_wheel(copy, tmp_path / "after")
    assert after.name == before.name == distribution.wheel_name
    assert after.parent.name != before.parent.name

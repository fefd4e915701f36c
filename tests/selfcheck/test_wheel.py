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

from sitebuild.imports import imported_modules
from sitebuild.lockfile import LOCK_FILE, write_locked_wheel
from sitebuild.paths import PROJECT_ROOT
from sitebuild.selfcheck import PYODIDE_PACKAGE
from sitebuild.stdlib import scenario_cases
from sitebuild.wheel import Distribution, content_hash, wheel_bytes

PYODIDE_LOCK = PYODIDE_PACKAGE / LOCK_FILE


BRIDGE = PROJECT_ROOT / "docs" / "assets" / "selfcheck" / "bridge.py"
# What the worker does in Pyodide, in CPython: run the bridge (it imports json and calculator) and evaluate every
# case through it; then name the files of the package's modules that were imported.
TRACE_THE_BROWSER = """
import json, runpy, sys
sys.path.insert(0, sys.argv[1])
bridge = runpy.run_path(sys.argv[2])
cases = json.load(sys.stdin)
for case in cases:
    json.loads(bridge["evaluate_json"](json.dumps(case["input"]), case["as_of"]))
modules = [module.__file__ for name, module in sys.modules.items() if name.partition(".")[0] == "calculator"]
json.dump({"evaluated": len(cases), "modules": modules}, sys.stdout)
"""


def copy_of_the_project(distribution: Distribution, tmp_path: Path) -> Path:
    """The package and pyproject.toml copied to `tmp_path / "project"`, to change them there."""
    project = tmp_path / "project"
    shutil.copytree(distribution.package_dir, project / "calculator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", project)
    return project


@pytest.fixture(scope="module")
def distribution() -> Distribution:
    return Distribution.from_pyproject(PROJECT_ROOT / "pyproject.toml")


@pytest.fixture(scope="module")
def wheel(distribution: Distribution) -> bytes:
    return wheel_bytes(distribution)


def test_the_same_sources_give_the_same_bytes(distribution: Distribution, wheel: bytes) -> None:
    assert wheel_bytes(distribution) == wheel


def test_the_wheel_holds_what_the_browser_imports_and_nothing_else(distribution: Distribution, wheel: bytes) -> None:
    """The package files in the wheel are the modules the browser's flow imports, traced in CPython: the worker's
    bridge run on every scenario case; everything else of the package (the command line, the batch mode, the
    registry) stays out."""
    cases = scenario_cases()
    trace = subprocess.run(
        [sys.executable, "-E", "-S", "-B", "-c", TRACE_THE_BROWSER, str(PROJECT_ROOT), str(BRIDGE)],
        input=json.dumps([{"input": case.input, "as_of": case.as_of} for case in cases]),
        capture_output=True, text=True, timeout=300, check=True,
    )
    output = json.loads(trace.stdout)
    assert output["evaluated"] == len(cases) >= 20
    imported = sorted(Path(path).relative_to(PROJECT_ROOT).as_posix() for path in output["modules"])
    names = zipfile.ZipFile(io.BytesIO(wheel)).namelist()
    package = sorted(name for name in names if not name.startswith(distribution.dist_info))
    assert package == imported
    for left_out in ("__main__.py", "batch.py", "rows.py", "files.py", "registry.py"):
        assert (distribution.package_dir / left_out).is_file() and f"calculator/{left_out}" not in package
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert sorted(set(names) - set(package)) == [
        f"{distribution.dist_info}/{name}" for name in ("METADATA", "RECORD", "WHEEL")
    ]


def test_a_data_file_of_the_package_goes_in_the_wheel(distribution: Distribution, tmp_path: Path) -> None:
    project = copy_of_the_project(distribution, tmp_path)
    (project / "calculator" / "figures.json").write_text("{}", encoding="utf-8")
    names = zipfile.ZipFile(io.BytesIO(wheel_bytes(Distribution.from_pyproject(project / "pyproject.toml")))).namelist()
    assert "calculator/figures.json" in names and "calculator/batch.py" not in names


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
    project = copy_of_the_project(distribution, tmp_path)
    copy = Distribution.from_pyproject(project / "pyproject.toml")
    before = write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "before")
    assert write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "again").parent.name == before.parent.name
    with (project / "calculator" / "__init__.py").open("a", encoding="utf-8") as module:
        module.write("\n# a changed rule\n")
    after = write_locked_wheel(copy, PYODIDE_LOCK, tmp_path / "after")
    assert after.name == before.name == distribution.wheel_name
    assert after.parent.name != before.parent.name


def test_the_import_walk_follows_relative_absolute_and_function_level_imports(tmp_path: Path) -> None:
    files = {
        "__init__.py": "from .a import x\n",
        "a.py": "from . import b\nx = 1\n",
        "b.py": "def later():\n    from .sub import d\n    import pkg.e\n",
        "sub/__init__.py": "from .. import c\n",
        "sub/d.py": "import json\n",
        "c.py": "",
        "e.py": "",
        "unused.py": "from . import a\n",
    }
    for name, source in files.items():
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text(source, encoding="utf-8")
    found = sorted(path.relative_to(tmp_path / "pkg").as_posix() for path in imported_modules(tmp_path / "pkg"))
    assert found == sorted(set(files) - {"unused.py"})

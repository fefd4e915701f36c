"""An author's preview: `mkdocs serve` on a copy of the project serves the pages made from notice/, and an edit to
a clause's YAML is served a moment later, without restarting anything."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitebuild.paths import PROJECT_ROOT, SCRATCH_DIR

SERVE_TIMEOUT_S = 300  # the first build of a copy, on a machine shared with other tests


def copy_of_project(target: Path) -> Path:
    """The project's files as git sees them (tracked, or new and not ignored), with node_modules and the
    compression cache linked rather than copied."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT_ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = PROJECT_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    (target / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    SCRATCH_DIR.mkdir(exist_ok=True)
    (target / SCRATCH_DIR.name).symlink_to(SCRATCH_DIR)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def text_at(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, wanted: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVE_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        page = text_at(url)
        if page is not None and wanted in page:
            return
        time.sleep(1)
    pytest.fail(f"{url} did not show {wanted!r} within {SERVE_TIMEOUT_S} s")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_of_project(tmp_path / "project")


@pytest.fixture
def served(project: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` in the copy (its own sitebuild and calculator first on the path), at its address."""
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(project)}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", server
        assert server.poll() is None, "mkdocs serve stopped"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_mkdocs_serve_shows_an_edit_to_a_clause(project: Path, served: tuple[str, subprocess.Popen]) -> None:
    address, server = served
    clause = project / "notice" / "clauses" / "c01.yaml"
    source = clause.read_text(encoding="utf-8")
    one_line = yaml.safe_load(source)["plain"]["one_line"]["text"]
    edited = one_line.removesuffix("。") + "，预览可见。"
    page = f"{address}clauses/c01/"
    wait_for(page, one_line, server)
    assert edited not in text_at(page)
    clause.write_text(source.replace(one_line, edited, 1), encoding="utf-8")
    wait_for(page, edited, server)

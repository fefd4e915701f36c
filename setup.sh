#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine; safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  # Debian's Chromium drives the end-to-end tests; Playwright never downloads a browser here.
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# The build needs Python >= 3.12: pyodide-build, which adds the rules' wheel to Pyodide's lock file, requires
# it. (The rules package itself runs on 3.11 and later.)
is_recent() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3 "$HOME"/.pyenv/versions/3.13*/bin/python3 \
                   "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null && is_recent "$candidate"; then
      command -v "$candidate"
      return
    fi
  done
  return 1
}

if [ -x .venv/bin/python ] && ! is_recent .venv/bin/python; then
  echo "setup.sh: .venv runs $(.venv/bin/python --version 2>&1); the build needs Python 3.12 or later: recreating it"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  if ! python=$(find_python); then
    echo "setup.sh: the build needs Python 3.12 or later (python3.13 or python3.12), and none was found." >&2
    echo "Install one (e.g. 'pyenv install 3.13', or your system's python3.13 or python3.12 with its venv module)" >&2
    echo "and run setup.sh again. The rules alone run on Python 3.11: python3 -m calculator needs nothing else." >&2
    exit 1
  fi
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
# This checkout in editable mode: registers the MkDocs plugin `notice-pages` (pyproject.toml), so that
# `mkdocs serve` and `mkdocs build` find it and import sitebuild from here.
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .

# The lock file pins the vendored Pyodide; npm ci installs exactly that.
npm ci --no-audit --no-fund --loglevel=error

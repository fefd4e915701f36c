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

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt

# The lock file pins the vendored Pyodide; npm ci installs exactly that.
npm ci --no-audit --no-fund --loglevel=error

#!/usr/bin/env bash
# Install everything the tests need, then run them. `.ci/run` runs exactly this.
#   - Debian's chromium for the real-browser tests (as root, with apt; never a downloaded browser)
#   - a virtualenv in .venv with graphbuild and its test extras
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
exec .venv/bin/python -m pytest "$@"

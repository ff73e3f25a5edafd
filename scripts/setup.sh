#!/usr/bin/env bash
# Installs what `make` needs, so a fresh Debian machine with Python 3.11 needs no other setup.
#   scripts/setup.sh venv      - the virtual environment .venv with the pinned packages
#   scripts/setup.sh browser   - Debian's Chromium for the browser tests (apt, when root)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

venv() {
  if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
      # Debian ships venv/ensurepip separately.
      rm -rf .venv
      apt_install python3-venv || { echo "Install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
      "$PYTHON" -m venv .venv
    fi
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt -c constraints.txt
  # Make scripts/ importable (the hooks, the tests and `python -m hedersite` share one package).
  purelib=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$PWD/scripts" > "$purelib/hedersite-scripts.pth"
  touch .venv/.installed
}

browser() {
  if command -v chromium >/dev/null || [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium || {
    echo "Chromium is needed for the browser tests: apt-get install chromium (as root)." >&2; exit 1; }
}

"$@"

#!/usr/bin/env bash
# ensure-mypy.sh: mypy from PyPI, installed once (pip --target) for a given Python, so that an engine
# test can type-check a Python program against the generated SDK.
#
# Usage:   DIR=$(scripts/ensure-mypy.sh /path/to/python)   # then PYTHONPATH=DIR python -m mypy …
# Stderr:  progress; nothing when it is there. Exit 1 with a message when it cannot be installed.
# Knobs:   MYPY_VERSION (default 2.4.1).
set -euo pipefail

PYTHON="${1:?usage: ensure-mypy.sh <python>}"
VER="${MYPY_VERSION:-2.4.1}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs"
PYV=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
FINAL="$CACHE_ROOT/mypy-$VER-py$PYV"

log() { printf '[%s] ensure-mypy: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
ok() { [ -f "$FINAL/.complete" ]; }

if ok; then echo "$FINAL"; exit 0; fi
mkdir -p "$CACHE_ROOT"
exec 9>"$FINAL.lock"
flock 9
if ok; then echo "$FINAL"; exit 0; fi
log "installing mypy==$VER for Python $PYV…"
rm -rf "$FINAL"
"$PYTHON" -m pip install -q --disable-pip-version-check --target "$FINAL" "mypy==$VER" >&2 || { log "ERROR: pip install mypy==$VER failed"; exit 1; }
PYTHONPATH="$FINAL" "$PYTHON" -m mypy --version >&2 || { log "ERROR: mypy does not run"; exit 1; }
touch "$FINAL/.complete"
echo "$FINAL"

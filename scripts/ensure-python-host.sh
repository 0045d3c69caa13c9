#!/usr/bin/env bash
# ensure-python-host.sh: the Pulumi Python language host and a virtualenv with the `pulumi` package,
# for the native provider's Python engine test, without GitHub releases.
#
# The host's own module (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not
# served by the module proxy here (403), so, as scripts/ensure-pulumi.sh does for the Node.js host,
# it is built from the last github.com/pulumi/pulumi/sdk/v3 release that still contained it
# (v3.68.0), with its `pulumi-language-python-exec` beside it. `pulumi` comes from PyPI.
#
# Usage:   DIR=$(scripts/ensure-python-host.sh)    # DIR/bin (host), DIR/venv (virtualenv)
# Stderr:  progress; nothing when everything is there. Exit 1 with a message when it cannot be built.
#
# Knobs: PULUMI_PYTHON_HOST_SDK (default 3.68.0), PULUMI_PYTHON_PACKAGE (default 3.272.0), PYTHON
# (default python3), GO.
set -euo pipefail

SDK_VER="${PULUMI_PYTHON_HOST_SDK:-3.68.0}"
PY_VER="${PULUMI_PYTHON_PACKAGE:-3.272.0}"
PYTHON="${PYTHON:-python3}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs"
FINAL="$CACHE_ROOT/pulumi-python-host-$SDK_VER-py$PY_VER"
LH=pulumi-language-python
SDK=github.com/pulumi/pulumi/sdk/v3

log() { printf '[%s] ensure-python-host: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
ok() { [ -x "$FINAL/bin/$LH" ] && [ -x "$FINAL/bin/$LH-exec" ] && [ -f "$FINAL/venv/.complete" ]; }

if ok; then echo "$FINAL"; exit 0; fi
mkdir -p "$CACHE_ROOT"
exec 9>"$FINAL.lock"
if ! flock -n 9; then
  log "another build is running; waiting for it"
  flock 9
fi
if ok; then echo "$FINAL"; exit 0; fi

if [ -z "${GO:-}" ]; then
  GO=$(command -v go 2>/dev/null || true)
  [ -n "$GO" ] || GO=/usr/local/go/bin/go
fi
[ -x "$GO" ] || die "no Go toolchain found (set GO=/path/to/go)"
command -v "$PYTHON" >/dev/null || die "no $PYTHON on PATH"

START=$(date +%s)
STAGE=$(mktemp -d "$FINAL.tmp.XXXXXX")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ensure-python-host.XXXXXX")
trap 'rm -rf "$STAGE" "$WORK"' EXIT
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local

log "building $LH from $SDK@v$SDK_VER and a virtualenv with pulumi==$PY_VER (about 1-2 minutes)…"
json=$(cd "$WORK" && "$GO" mod download -json "$SDK@v$SDK_VER") || die "cannot fetch $SDK@v$SDK_VER: $json"
gomod=$(printf '%s\n' "$json" | sed -n 's/^\s*"GoMod": "\(.*\)",\?$/\1/p')
dir=$(printf '%s\n' "$json" | sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p')
[ -f "$gomod" ] && [ -d "$dir/python/cmd/$LH" ] || die "$SDK@v$SDK_VER holds no python/cmd/$LH"
(
  cd "$WORK"
  "$GO" mod init pulumi-nicsrs-python-host >/dev/null 2>&1
  args=("-require=$SDK@v$SDK_VER")
  # the sdk's own replace directives (module paths only), as the wrapper must repeat them
  while read -r from _ to ver; do args+=("-replace=$from=$to@$ver"); done < <(grep -E '^\s*replace\s+\S+\s+=>\s+\S+\s+v' "$gomod" | sed 's/^\s*replace\s*//')
  "$GO" mod edit "${args[@]}"
  "$GO" build -trimpath -tags osusergo,grpcnotrace -o "$STAGE/bin/$LH" "$SDK/python/cmd/$LH" >&2
) || die "go build of $LH failed"
install -m 755 "$dir/python/cmd/$LH-exec" "$STAGE/bin/$LH-exec"
rm -rf "$FINAL"
mv "$STAGE" "$FINAL"
trap 'rm -rf "$WORK"' EXIT
# the venv's scripts hold its path: it is made where it stays
"$PYTHON" -m venv "$FINAL/venv" >&2 || die "$PYTHON -m venv failed"
"$FINAL/venv/bin/python" -m pip install -q --disable-pip-version-check "pulumi==$PY_VER" wheel >&2 || die "pip install pulumi==$PY_VER wheel failed"
"$FINAL/venv/bin/python" -c "import pulumi" || die "the virtualenv cannot import pulumi"
touch "$FINAL/venv/.complete"
log "done in $(( $(date +%s) - START )) s: $FINAL"
echo "$FINAL"

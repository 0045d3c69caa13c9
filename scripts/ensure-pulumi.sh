#!/usr/bin/env bash
# ensure-pulumi.sh: make the Pulumi CLI (`pulumi`) and the Node.js language
# host (`pulumi-language-nodejs`) available without GitHub releases or
# get.pulumi.com, by building them from the Go module proxy.
#
# Usage:   PULUMI_BIN=$(scripts/ensure-pulumi.sh)
# Stdout:  exactly one line, the directory that holds both binaries.
# Stderr:  progress (timestamped); nothing at all when they are already there.
#
# Environment knobs:
#   PULUMI_VERSION        CLI version to build (default below). It must be a
#                         version whose github.com/pulumi/pulumi/pkg/v3 zip the
#                         module proxy serves: v3.270.0 is NOT served there
#                         (403 "This module version is not available"), hence
#                         the default 3.274.1.
#   PULUMI_NODEJS_HOST_VERSION
#                         exact version (tag or pseudo-version) of the module
#                         github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3.
#                         Default: v$PULUMI_VERSION, else the release commit.
#   PULUMI_NODEJS_HOST_FALLBACK_SDK
#                         when that module is not served at all (the case on the
#                         proxy reachable here), the language host is built from
#                         the newest github.com/pulumi/pulumi/sdk/v3 release that
#                         still contained it as a package (default 3.68.0).
#   PULUMI_GOTOOLCHAIN    GOTOOLCHAIN to use if go.mod needs a newer Go than the
#                         local one (default: auto). Otherwise GOTOOLCHAIN=local.
#   GO                    go binary (default: `go` on PATH, else /usr/local/go/bin/go).
#
# Beside the two binaries goes `pulumi-resource-pulumi-nodejs`, the dynamic-provider launcher a
# Pulumi release ships next to its CLI (from sdk/v3's nodejs/dist). It starts the provider of the
# @pulumi/pulumi in the program's own node_modules, so any program (not only this repository's)
# runs dynamic resources without the CLI trying to download a `pulumi-nodejs` plugin from GitHub.
#
# Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs/pulumi-<version>/bin/
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-3.274.1}"
PULUMI_VERSION="${PULUMI_VERSION#v}"
FALLBACK_SDK="${PULUMI_NODEJS_HOST_FALLBACK_SDK:-3.68.0}"
FALLBACK_SDK="${FALLBACK_SDK#v}"

CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs"
FINAL="$CACHE_ROOT/pulumi-$PULUMI_VERSION"
LH=pulumi-language-nodejs
LAUNCHER=pulumi-resource-pulumi-nodejs

export PULUMI_SKIP_UPDATE_CHECK=true

log() { printf '[%s] ensure-pulumi: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Prints the version `pulumi version` reports for binary $1 (empty on failure).
pulumi_version_of() { "$1" version 2>/dev/null | head -n1 | tr -d '[:space:]' || true; }

# Is dir $1 a complete install of the wanted version?
bin_dir_ok() {
  [ -x "$1/pulumi" ] && [ -x "$1/$LH" ] &&
    [ "$(pulumi_version_of "$1/pulumi")" = "v$PULUMI_VERSION" ]
}

# 1. Already on PATH (the binaries and the launcher in one directory)?
if p=$(command -v pulumi 2>/dev/null) && [ -n "$p" ]; then
  d=$(cd "$(dirname "$p")" && pwd -P)
  if bin_dir_ok "$d" && [ -x "$d/$LAUNCHER" ]; then echo "$d"; exit 0; fi
fi
# 2. Already in the cache?
if bin_dir_ok "$FINAL/bin" && [ -x "$FINAL/bin/$LAUNCHER" ]; then echo "$FINAL/bin"; exit 0; fi

# 3. Build (or complete), under a lock so concurrent callers do not build twice.
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/pulumi-$PULUMI_VERSION.lock"
if ! flock -n 9; then
  log "another build of pulumi v$PULUMI_VERSION is running; waiting for it"
  flock 9
fi
if bin_dir_ok "$FINAL/bin" && [ -x "$FINAL/bin/$LAUNCHER" ]; then echo "$FINAL/bin"; exit 0; fi

if [ -z "${GO:-}" ]; then
  GO=$(command -v go 2>/dev/null || true)
  [ -n "$GO" ] || GO=/usr/local/go/bin/go
fi
[ -x "$GO" ] || die "no Go toolchain found (set GO=/path/to/go)"

# Copies the dynamic-provider launcher from sdk/v3@v$PULUMI_VERSION (module cache) into dir $1.
install_launcher() {
  local dir=$1 tmp json src
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/ensure-pulumi-launcher.XXXXXX")
  if ! json=$(cd "$tmp" && GOFLAGS=-mod=mod GOWORK=off "$GO" mod download -json "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" 2>&1) ||
    printf '%s\n' "$json" | grep -q '"Error"'; then
    rm -rf "$tmp"
    printf '%s\n' "$json" >&2
    die "cannot fetch github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION for $LAUNCHER"
  fi
  rm -rf "$tmp"
  src="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n1)/nodejs/dist/$LAUNCHER"
  [ -f "$src" ] || die "no $LAUNCHER in sdk/v3@v$PULUMI_VERSION ($src)"
  cp "$src" "$dir/$LAUNCHER.tmp.$$"
  chmod 755 "$dir/$LAUNCHER.tmp.$$"
  mv -f "$dir/$LAUNCHER.tmp.$$" "$dir/$LAUNCHER"
}

# 3a. A cache built before the launcher was part of it: add only the launcher.
if bin_dir_ok "$FINAL/bin"; then
  install_launcher "$FINAL/bin"
  log "added $LAUNCHER to $FINAL/bin"
  echo "$FINAL/bin"
  exit 0
fi

START=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ensure-pulumi.XXXXXX")
STAGE=$(mktemp -d "$CACHE_ROOT/.pulumi-$PULUMI_VERSION.tmp.XXXXXX")
cleanup() { rm -rf "$WORK" "$STAGE"; }
# Long steps run as a background child so that a signal is handled at once:
# stop the child, then exit (the EXIT trap removes the half-built stage).
CHILD=""
on_signal() {
  # The child leads its own process group (setsid): stop go and its
  # compile/link processes together (cmd/go itself ignores a lone SIGINT).
  if [ -n "$CHILD" ]; then
    kill -TERM -- "-$CHILD" "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  log "interrupted; nothing was installed"
  exit "$1"
}
run_child() {
  local rc=0
  setsid -w "$@" >&2 &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
mkdir -p "$STAGE/bin"

export GOFLAGS=-mod=mod
export GOTOOLCHAIN=local
export GOWORK=off
LOCAL_GO=$("$GO" env GOVERSION)   # e.g. go1.26.8
LOCAL_GO=${LOCAL_GO#go}

log "building pulumi v$PULUMI_VERSION from Go modules with $("$GO" version | cut -d' ' -f3); the first run takes several minutes (about 10-25 on 2 cores)…"

# `go mod download -json MOD@VER`; prints the JSON, fails if the proxy did not
# serve the module zip.
mod_download() {
  local out
  out=$(cd "$WORK" && "$GO" mod download -json "$1" 2>&1) || { printf '%s\n' "$out"; return 1; }
  printf '%s\n' "$out"
  ! printf '%s\n' "$out" | grep -q '"Error"'
}
# json_field NAME < json  (flat string fields of `go mod download -json`)
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | head -n1; }

# Non-local replace directives of go.mod $1, as `-replace=old=new@ver` args.
nonlocal_replaces() {
  awk '
    /^replace[ \t]*\(/ { blk = 1; next }
    blk && /^\)/       { blk = 0; next }
    blk                { print; next }
    /^replace[ \t]/    { sub(/^replace[ \t]+/, ""); print }
  ' "$1" | sed 's#//.*##' | while IFS= read -r line; do
    case "$line" in *"=>"*) ;; *) continue ;; esac
    read -r -a lhs <<<"${line%%=>*}"
    read -r -a rhs <<<"${line#*=>}"
    [ "${#rhs[@]}" -eq 2 ] || continue # one field = local directory
    case "${rhs[0]}" in ./* | ../* | /*) continue ;; esac
    old="${lhs[0]}"
    [ "${#lhs[@]}" -ge 2 ] && old="$old@${lhs[1]}"
    printf -- '-replace=%s=%s@%s\n' "$old" "${rhs[0]}" "${rhs[1]}"
  done
}

# Pick the toolchain: local unless go.mod $1 needs a newer Go.
choose_toolchain() {
  local need
  need=$(awk '$1 == "go" || $1 == "toolchain" { v = $2; sub(/^go/, "", v); print v }' "$1" | sort -V | tail -n1)
  if [ -n "$need" ] && [ "$(printf '%s\n%s\n' "$need" "$LOCAL_GO" | sort -V | tail -n1)" != "$LOCAL_GO" ]; then
    export GOTOOLCHAIN="${PULUMI_GOTOOLCHAIN:-auto}"
    log "$1 needs Go $need > local $LOCAL_GO: using GOTOOLCHAIN=$GOTOOLCHAIN"
  fi
}

# new_wrapper DIR GOMOD_TO_COPY_REPLACES_FROM MOD@VER...
new_wrapper() {
  local dir=$1 gomod=$2
  shift 2
  mkdir -p "$dir"
  (
    cd "$dir"
    "$GO" mod init pulumi-nicsrs-build-wrapper >/dev/null 2>&1
    local args=() r
    for r in "$@"; do args+=("-require=$r"); done
    while IFS= read -r r; do [ -n "$r" ] && args+=("$r"); done < <(nonlocal_replaces "$gomod")
    "$GO" mod edit "${args[@]}"
  )
}

VERSION_PKG=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
TAGS=osusergo,grpcnotrace

# --- pulumi CLI -------------------------------------------------------------
PKG=github.com/pulumi/pulumi/pkg/v3
SDK=github.com/pulumi/pulumi/sdk/v3
log "fetching $PKG@v$PULUMI_VERSION"
if ! pkg_json=$(mod_download "$PKG@v$PULUMI_VERSION"); then
  log "command failed: go mod download -json $PKG@v$PULUMI_VERSION"
  printf '%s\n' "$pkg_json" >&2
  served=$( (cd "$WORK" && "$GO" list -m -versions "$PKG" 2>/dev/null) | tr ' ' '\n' | tail -n 8 | tr '\n' ' ')
  die "the module proxy does not serve $PKG@v$PULUMI_VERSION; newest served: ${served:-?}; set PULUMI_VERSION to one of them"
fi
PKG_GOMOD=$(printf '%s\n' "$pkg_json" | json_field GoMod)
[ -f "$PKG_GOMOD" ] || die "no go.mod for $PKG@v$PULUMI_VERSION"
sdk_json=$(mod_download "$SDK@v$PULUMI_VERSION") || { printf '%s\n' "$sdk_json" >&2; die "cannot fetch $SDK@v$PULUMI_VERSION"; }
choose_toolchain "$PKG_GOMOD"

new_wrapper "$WORK/cli" "$PKG_GOMOD" "$PKG@v$PULUMI_VERSION" "$SDK@v$PULUMI_VERSION"
log "compiling pulumi (go build $PKG/cmd/pulumi)"
run_child env -C "$WORK/cli" "$GO" build -trimpath -tags "$TAGS" \
  -ldflags "-X $VERSION_PKG=v$PULUMI_VERSION" \
  -o "$STAGE/bin/pulumi" "$PKG/cmd/pulumi" ||
  die "go build of pulumi failed (wrapper module: $WORK/cli)"
log "pulumi built ($(($(date +%s) - START))s so far)"

# --- Node.js language host ---------------------------------------------------
LH_MOD=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
lh_mod="" lh_ver="" lh_pkg="" lh_gomod=""
candidates=()
if [ -n "${PULUMI_NODEJS_HOST_VERSION:-}" ]; then
  candidates+=("$PULUMI_NODEJS_HOST_VERSION")
else
  candidates+=("v$PULUMI_VERSION")
  # The release commit, when the proxy reports the origin of the sdk/pkg tag.
  for j in "$sdk_json" "$pkg_json"; do
    h=$(printf '%s\n' "$j" | json_field Hash)
    [ -n "$h" ] && { candidates+=("$h"); break; }
  done
fi
for c in "${candidates[@]}"; do
  if j=$(mod_download "$LH_MOD@$c"); then
    lh_mod=$LH_MOD lh_pkg=$LH_MOD
    lh_ver=$(printf '%s\n' "$j" | json_field Version)
    lh_gomod=$(printf '%s\n' "$j" | json_field GoMod)
    break
  fi
  log "$LH_MOD@$c is not served by the module proxy"
done
lh_stamp="v$PULUMI_VERSION"
if [ -z "$lh_mod" ]; then
  lh_mod=$SDK lh_ver="v$FALLBACK_SDK" lh_pkg="$SDK/nodejs/cmd/$LH" lh_stamp="v$FALLBACK_SDK"
  log "WARNING: falling back to the language host bundled in $SDK@$lh_ver (the last sdk release that contained it)"
  j=$(mod_download "$SDK@$lh_ver") || { printf '%s\n' "$j" >&2; die "cannot fetch $SDK@$lh_ver"; }
  lh_gomod=$(printf '%s\n' "$j" | json_field GoMod)
fi
[ -f "$lh_gomod" ] || die "no go.mod for $lh_mod@$lh_ver"
choose_toolchain "$lh_gomod"
if [ "$lh_mod" = "$LH_MOD" ]; then
  new_wrapper "$WORK/lh" "$lh_gomod" "$lh_mod@$lh_ver" "$SDK@v$PULUMI_VERSION"
else
  new_wrapper "$WORK/lh" "$lh_gomod" "$lh_mod@$lh_ver"
fi
log "compiling $LH from $lh_mod@$lh_ver"
run_child env -C "$WORK/lh" "$GO" build -trimpath -tags "$TAGS" \
  -ldflags "-X $VERSION_PKG=$lh_stamp" \
  -o "$STAGE/bin/$LH" "$lh_pkg" ||
  die "go build of $LH failed (wrapper module: $WORK/lh)"

install_launcher "$STAGE/bin"

# --- check and move into place -------------------------------------------------
got=$(pulumi_version_of "$STAGE/bin/pulumi")
[ "$got" = "v$PULUMI_VERSION" ] || die "built pulumi reports '$got', expected v$PULUMI_VERSION"
"$STAGE/bin/$LH" -help >/dev/null 2>&1 || die "built $LH does not run"
{
  echo "pulumi $PKG@v$PULUMI_VERSION"
  echo "$LH $lh_mod@$lh_ver ($lh_pkg)"
  echo "go $("$GO" env GOVERSION) GOTOOLCHAIN=$GOTOOLCHAIN"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(($(date +%s) - START))s"
} >"$STAGE/build-info.txt"
chmod 755 "$STAGE"
if [ -e "$FINAL" ]; then
  rm -rf "$FINAL.old.$$"
  mv "$FINAL" "$FINAL.old.$$"
fi
mv -T "$STAGE" "$FINAL"
rm -rf "$FINAL.old.$$"
log "done in $(($(date +%s) - START))s: $FINAL/bin"
echo "$FINAL/bin"

#!/usr/bin/env bash
# ensure-yaml-host.sh: make the Pulumi YAML language host (`pulumi-language-yaml`) available
# without GitHub releases, by building it from the Go module proxy (about 2 minutes on 2 cores).
# The native-provider engine tests run a `runtime: yaml` program with it.
#
# Usage:   YAML_BIN=$(scripts/ensure-yaml-host.sh)
# Stdout:  exactly one line, the directory that holds pulumi-language-yaml.
# Stderr:  progress (timestamped); nothing at all when it is already there.
#
# Environment knobs:
#   PULUMI_YAML_VERSION   module version of github.com/pulumi/pulumi-yaml (default below).
#   GO                    go binary (default: `go` on PATH, else /usr/local/go/bin/go).
#
# Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs/pulumi-yaml-<version>/bin/
set -euo pipefail

PULUMI_YAML_VERSION="${PULUMI_YAML_VERSION:-1.25.0}"
PULUMI_YAML_VERSION="${PULUMI_YAML_VERSION#v}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs"
FINAL="$CACHE_ROOT/pulumi-yaml-$PULUMI_YAML_VERSION"
LH=pulumi-language-yaml

log() { printf '[%s] ensure-yaml-host: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ -x "$FINAL/bin/$LH" ]; then echo "$FINAL/bin"; exit 0; fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/pulumi-yaml-$PULUMI_YAML_VERSION.lock"
if ! flock -n 9; then
  log "another build of pulumi-yaml v$PULUMI_YAML_VERSION is running; waiting for it"
  flock 9
fi
if [ -x "$FINAL/bin/$LH" ]; then echo "$FINAL/bin"; exit 0; fi

if [ -z "${GO:-}" ]; then
  GO=$(command -v go 2>/dev/null || true)
  [ -n "$GO" ] || GO=/usr/local/go/bin/go
fi
[ -x "$GO" ] || die "no Go toolchain found (set GO=/path/to/go)"

STAGE=$(mktemp -d "$CACHE_ROOT/.pulumi-yaml-$PULUMI_YAML_VERSION.tmp.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
START=$(date +%s)
log "building $LH v$PULUMI_YAML_VERSION from Go modules (about 2 minutes)…"
GOFLAGS=-mod=mod GOWORK=off GOBIN="$STAGE/bin" \
  "$GO" install -tags osusergo "github.com/pulumi/pulumi-yaml/cmd/$LH@v$PULUMI_YAML_VERSION" >&2 \
  || die "go install github.com/pulumi/pulumi-yaml/cmd/$LH@v$PULUMI_YAML_VERSION failed"
[ -x "$STAGE/bin/$LH" ] || die "the build produced no $LH"
rm -rf "$FINAL"
mv "$STAGE" "$FINAL"
trap - EXIT
log "built $LH v$PULUMI_YAML_VERSION in $(( $(date +%s) - START )) s into $FINAL/bin"
echo "$FINAL/bin"

#!/usr/bin/env bash
# gen-sdks.sh: generate the native provider's Python and Go SDKs from schema/schema.json with
# Pulumi's code generators (scripts/sdkgen, built once against github.com/pulumi/pulumi/pkg/v3 from
# the Go module proxy, the version scripts/ensure-pulumi.sh builds the CLI from).
#
# Usage: scripts/gen-sdks.sh <out dir>      (default: native-sdks/; writes <out>/python, <out>/go)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="${1:-$ROOT/native-sdks}"
PULUMI_VERSION="${PULUMI_VERSION:-3.274.1}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-nicsrs"
BIN="$CACHE_ROOT/sdkgen-$PULUMI_VERSION-$(sha256sum "$ROOT/scripts/sdkgen/main.go" | cut -c1-12)/sdkgen"
log() { printf '[%s] gen-sdks: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

if [ ! -x "$BIN" ]; then
  GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
  export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
  mkdir -p "$(dirname "$BIN")"
  exec 9>"$(dirname "$BIN").lock"
  flock 9
  if [ ! -x "$BIN" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/sdkgen.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    log "building sdkgen against pkg/v3@v$PULUMI_VERSION (once)…"
    cp "$ROOT/scripts/sdkgen/main.go" "$WORK/"
    gomod=$(cd "$WORK" && "$GO" mod download -json "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",\?$/\1/p')
    (
      cd "$WORK"
      "$GO" mod init pulumi-nicsrs-sdkgen >/dev/null 2>&1
      args=("-require=github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "-require=github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION")
      while read -r from _ to ver; do args+=("-replace=$from=$to@$ver"); done < <(grep -E '^\s*replace\s+\S+\s+=>\s+\S+\s+v' "$gomod" | sed 's/^\s*replace\s*//')
      "$GO" mod edit "${args[@]}"
      "$GO" build -trimpath -o "$BIN.tmp" . >&2
    )
    mv "$BIN.tmp" "$BIN"
  fi
fi
rm -rf "$OUT/python" "$OUT/go"
# The SDKs carry the package's version (the checked-in schema says 0.0.0-dev): a program's language
# host reports it, and the engine asks the plugin for that version (`pulumi import` refuses a mismatch).
VERSION=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$ROOT/package.json" | head -1)
SCHEMA=$(mktemp "${TMPDIR:-/tmp}/nicsrs-schema.XXXXXX.json")
trap 'rm -f "$SCHEMA"' EXIT
sed "0,/\"version\": \"0.0.0-dev\"/s//\"version\": \"$VERSION\"/" "$ROOT/schema/schema.json" >"$SCHEMA"
"$BIN" "$SCHEMA" "$OUT"
echo "$OUT"

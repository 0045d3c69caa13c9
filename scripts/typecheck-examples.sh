#!/usr/bin/env bash
# Type-checks the examples that have their own dependencies (cloudflare, route53, alidns) against the real
# provider packages. Each gets `npm ci` only when its lock file changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for dir in "$root"/examples/*/; do
  [ -f "$dir/package.json" ] || continue
  stamp="$dir/node_modules/.install-stamp"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    (cd "$dir" && npm ci --loglevel=error --no-audit --no-fund >&2)
    touch "$stamp"
  fi
  (cd "$dir" && "$root/node_modules/.bin/tsc" -p tsconfig.json --noEmit) || { echo "type errors in ${dir#"$root"/}" >&2; exit 1; }
done

#!/usr/bin/env bash
# Installs the Debian packages the demo and the e2e suite need (a real authoritative DNS server).
# Quiet and instant when they are present.
set -euo pipefail
need=()
[ -x /usr/sbin/pdns_server ] || need+=(pdns-server)
[ -f /usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql ] || need+=(pdns-backend-sqlite3)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "ensure-system-packages: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
# The packages' postinst tries to start a system service; there is no init here and that is fine.
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2

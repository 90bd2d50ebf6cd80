#!/usr/bin/env bash
# Debian packages the queue-mode tests and benchmarks need (Postgres 15, Redis 7), installed only when
# missing: `bash scripts/system-deps.sh`. Needs root (CI and these machines run as root); the tests
# start their own throwaway servers on loopback, never the system services.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "paywire: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

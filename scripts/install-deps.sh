#!/usr/bin/env bash
# Installs the project's npm dependencies when they are missing or older than the lock file.
# Run with Node 24 on PATH (scripts/node24.sh). Used by test.sh, e2e.sh and start.sh.
# Not `npm ci`: the registry reachable here lacks other platforms' optional binaries (e.g.
# @unrs/resolver-binding-darwin-arm64), so no lock file can list them and `npm ci` refuses every
# lock. `npm install` installs the locked versions and tolerates that.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm install --no-audit --no-fund
fi

#!/usr/bin/env bash
# Installs one n8n version into a cache outside the repo (reused when the version matches) and
# prints its directory on the last line of stdout. First run: a few minutes; 2.8 GB (2.40.7),
# 1.8 GB (1.123.81).
#   bash scripts/n8n-install.sh                              # the e2e pin, 2.40.7
#   PAYWIRE_N8N_VERSION=1.123.81 bash scripts/n8n-install.sh # the 1.x line (smoke run)
# n8n 1.x: n8n-nodes-base 1.x depends on `xlsx` as a tarball URL on cdn.sheetjs.com, which no
# machine here reaches; an npm `overrides` entry pins it to the registry's xlsx 0.18.5 (the one
# the Spreadsheet File node used before SheetJS left npm). Both lines run on Node 24 (n8n 1.123:
# engines node >=20.19 <=24.x), so native modules are compiled for the Node that runs the tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/node24.sh"
N8N_VERSION="${PAYWIRE_N8N_VERSION:-2.40.7}"
dir="$PAYWIRE_CACHE/n8n-$N8N_VERSION"
if [ ! -f "$dir/.paywire-ready" ]; then
	echo "paywire: installing n8n $N8N_VERSION into $dir (first run only, a few minutes)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	cd "$dir"
	case "$N8N_VERSION" in
	1.*) overrides=',"overrides":{"xlsx":"0.18.5"}' ;;
	*) overrides='' ;;
	esac
	echo "{\"name\":\"paywire-n8n-cache\",\"private\":true$overrides}" > package.json
	echo "paywire: [1/2] npm install n8n@$N8N_VERSION --ignore-scripts" >&2
	npm install --no-audit --no-fund --ignore-scripts --save-exact --loglevel=error "n8n@$N8N_VERSION" >&2
	# isolated-vm exists in the 2.x tree only; rebuild whichever native modules are there.
	native=()
	for module in sqlite3 isolated-vm; do
		[ -d "node_modules/$module" ] && native+=("$module")
	done
	echo "paywire: [2/2] compiling ${native[*]} for Node $(node --version)" >&2
	npm rebuild --loglevel=error "${native[@]}" >&2
	node -e "require('sqlite3')" || { echo "paywire: sqlite3 does not load on $(node --version)" >&2; exit 1; }
	touch .paywire-ready
	echo "paywire: n8n $N8N_VERSION ready" >&2
fi
echo "$dir"

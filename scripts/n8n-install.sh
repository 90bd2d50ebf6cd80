#!/usr/bin/env bash
# Installs the pinned n8n into a cache outside the repo (reused when the version matches) and
# prints its directory on the last line of stdout. First run: a few minutes and ~2.8 GB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/node24.sh"
N8N_VERSION="${PAYWIRE_N8N_VERSION:-2.40.7}"
dir="$PAYWIRE_CACHE/n8n-$N8N_VERSION"
if [ ! -f "$dir/.paywire-ready" ]; then
	echo "paywire: installing n8n $N8N_VERSION into $dir (first run only, a few minutes)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	cd "$dir"
	echo '{"name":"paywire-n8n-cache","private":true}' > package.json
	echo "paywire: [1/2] npm install n8n@$N8N_VERSION --ignore-scripts" >&2
	npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION" >&2
	echo "paywire: [2/2] compiling sqlite3 and isolated-vm for Node $(node --version)" >&2
	npm rebuild --loglevel=error sqlite3 isolated-vm >&2
	touch .paywire-ready
	echo "paywire: n8n $N8N_VERSION ready" >&2
fi
echo "$dir"

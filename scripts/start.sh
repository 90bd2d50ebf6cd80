#!/usr/bin/env bash
# `npm start`: a local n8n with Paywire installed from the packed tarball, the example workflows
# imported (inactive) and a Paywire credential: real Stripe test mode when STRIPE_SECRET_KEY is set
# (a live key is refused), otherwise the local Stripe emulator started alongside.
# Data lives in .n8n-local/ (git-ignored). Ctrl-C or SIGTERM stops everything this started.
# Environment: STRIPE_SECRET_KEY, PAYWIRE_N8N_PORT (5678), PAYWIRE_EMULATOR_PORT (12111),
# PAYWIRE_LOCAL_DIR (data folder, default .n8n-local),
# PAYWIRE_START_EXIT_AFTER_READY=1 (stop right after printing the URL: used by checks).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { echo "paywire: $*"; }

if [ -n "${STRIPE_SECRET_KEY:-}" ] && ! [[ "$STRIPE_SECRET_KEY" =~ ^(sk|rk)_test_ ]]; then
	say "STRIPE_SECRET_KEY must be a Stripe test-mode key (sk_test_… or rk_test_…); refusing to start with a live key" >&2
	exit 1
fi

say "[1/5] Node 24"
. scripts/node24.sh
say "      node $(node --version)"

say "[2/5] project dependencies (npm install when missing or out of date)"
bash scripts/install-deps.sh

say "[3/5] n8n 2.40.7 (first run downloads and compiles it: a few minutes, ~2.8 GB)"
install_log="$(mktemp)"
bash scripts/n8n-install.sh >"$install_log.out" 2>"$install_log" &
install_pid=$!
trap 'kill "$install_pid" 2>/dev/null || true' INT TERM
seconds=0
last_line=""
while kill -0 "$install_pid" 2>/dev/null; do
	sleep 1
	seconds=$((seconds + 1))
	line="$(tail -n 1 "$install_log" 2>/dev/null || true)"
	if [ -n "$line" ] && [ "$line" != "$last_line" ]; then echo "      $line"; last_line="$line"; fi
	if [ $((seconds % 15)) -eq 0 ]; then
		size="$(du -sm "${PAYWIRE_CACHE:-$HOME/.cache/paywire}" 2>/dev/null | cut -f1 || echo '?')"
		say "      still installing n8n: ${seconds}s, cache ${size} MB so far"
	fi
done
if ! wait "$install_pid"; then
	cat "$install_log" >&2
	say "n8n install failed" >&2
	exit 1
fi
trap - INT TERM
export PAYWIRE_N8N_DIR="$(tail -n 1 "$install_log.out")"
rm -f "$install_log" "$install_log.out"
say "      n8n in $PAYWIRE_N8N_DIR"

say "[4/5] build and pack n8n-nodes-paywire"
mkdir -p .n8n-local/pack
rm -f .n8n-local/pack/*.tgz
npm pack --silent --pack-destination .n8n-local/pack >/dev/null
export PAYWIRE_TARBALL="$(ls .n8n-local/pack/*.tgz | head -n 1)"
say "      $PAYWIRE_TARBALL"

say "[5/5] install into .n8n-local, credential, examples, start n8n"
# exec: signals reach the driver directly; it stops n8n and the emulator before it exits.
exec node --import tsx scripts/lib/startLocal.ts

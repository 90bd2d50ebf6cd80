#!/usr/bin/env bash
# End-to-end suite: the packed tarball installed as a community package into a real n8n 2.40.7,
# driven against the local Stripe emulator (test/e2e/*.test.ts, one n8n per test file).
#   bash scripts/e2e.sh                       # every scenario
#   bash scripts/e2e.sh test/e2e/dedupe.test.ts  # one file
# Logs: each n8n writes <its user folder>/n8n.log; the folders stay under $PAYWIRE_E2E_RUN_DIR
# (printed at the start) when a test fails or PAYWIRE_E2E_KEEP=1. See docs/e2e.md.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/node24.sh || exit 1

bash scripts/install-deps.sh || { echo "paywire: npm install failed" >&2; exit 1; }

run_dir="${PAYWIRE_E2E_RUN_DIR:-$(mktemp -d /tmp/paywire-e2e-XXXXXX)}"
mkdir -p "$run_dir/pids"
export PAYWIRE_E2E_RUN_DIR="$run_dir"
echo "paywire e2e: run folder $run_dir (n8n logs: $run_dir/*/n8n.log)"

# Stops any n8n process group the tests registered and did not stop (a crashed or killed test).
cleanup() {
	local file pid
	for file in "$run_dir"/pids/*; do
		[ -e "$file" ] || continue
		pid="$(basename "$file")"
		kill -KILL -- "-$pid" 2>/dev/null || true
		rm -f "$file"
	done
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

echo "paywire e2e: n8n (first run installs it: a few minutes)"
n8n_dir="$(bash scripts/n8n-install.sh | tail -n 1)" || { echo "paywire: n8n install failed" >&2; exit 1; }
export PAYWIRE_N8N_DIR="$n8n_dir"

if [ -z "${PAYWIRE_TARBALL:-}" ]; then
	echo "paywire e2e: npm pack (builds dist/)"
	mkdir -p "$run_dir/pack"
	npm pack --silent --pack-destination "$run_dir/pack" >/dev/null || { echo "paywire: npm pack failed" >&2; exit 1; }
	PAYWIRE_TARBALL="$(ls "$run_dir"/pack/*.tgz | head -n 1)"
fi
export PAYWIRE_TARBALL
echo "paywire e2e: tarball $PAYWIRE_TARBALL"

if [ "$#" -gt 0 ]; then files=("$@"); else files=(test/e2e/*.test.ts); fi
if [ ! -e "${files[0]}" ]; then
	echo "paywire e2e: no scenario files found (${files[*]})" >&2
	exit 1
fi
node --import tsx --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec "${files[@]}"
code=$?
cleanup
if [ "$code" -eq 0 ] && [ "${PAYWIRE_E2E_KEEP:-0}" != "1" ]; then
	rm -rf "$run_dir"
else
	echo "paywire e2e: kept $run_dir for the logs"
fi
exit "$code"

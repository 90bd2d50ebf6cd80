#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `npm test` (or `bash scripts/test.sh`).
# Bootstraps Node 24 when the system Node is older, installs from the lock files, lints, type-checks,
# builds, then runs every suite. Prints one closing line: "N passed, N failed".
# PAYWIRE_SKIP_E2E=1 skips the real-n8n suites (for quick local runs only; CI never sets it).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/node24.sh || exit 1
echo "paywire: node $(node --version), npm $(npm --version)"

step() { echo; echo "=== $* ==="; }
fail() { echo "paywire: $*" >&2; exit 1; }
log_dir="$(mktemp -d)"
total_pass=0
total_fail=0

# Runs one test command, echoes its output, and adds its pass/fail counts to the totals.
run_suite() {
	local name="$1"; shift
	step "$name"
	local log="$log_dir/$name.log"
	"$@" 2>&1 | tee "$log"
	local code=${PIPESTATUS[0]}
	local pass fail
	pass=$(grep -aE '^(ℹ|#) pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
	fail=$(grep -aE '^(ℹ|#) fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
	if [ "$code" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	echo "paywire: $name: $pass passed, $fail failed (exit $code)"
}

step "install"
bash scripts/install-deps.sh || fail "npm install failed"

step "lint"
npx eslint . || fail "lint failed"

step "type-check"
npx tsc -p tsconfig.test.json || fail "type-check failed"

step "build"
npm run build || fail "build failed"

step "package contents"
bash scripts/check-package.sh || fail "package check failed"

step "system packages"
# redis-server for the shared duplicate store's tests (and Postgres for queue mode), when missing.
bash scripts/system-deps.sh || fail "installing Debian packages failed"

run_suite unit-and-engine node --import tsx --test --test-concurrency=2 --test-reporter=spec \
	"test/unit/**/*.test.ts" "test/nodes/**/*.test.ts" "test/emulator/**/*.test.ts"

# Money properties (docs/idempotency.md › Testing): n8n's own Loop Over Items and Execute Workflow
# come from the pinned n8n install the e2e suite uses, installed (first run: a few minutes) before
# the suite starts so the install is never inside a test.
step "n8n (pinned; the first run installs it)"
PAYWIRE_N8N_DIR="$(bash scripts/n8n-install.sh | tail -n 1)" || fail "n8n install failed"
export PAYWIRE_N8N_DIR
run_suite money-properties node --import tsx --test --test-reporter=spec "test/properties/**/*.test.ts"

if [ -f zapier/package.json ]; then
	run_suite zapier bash -c 'cd zapier && npm install --no-audit --no-fund && npm run build && npm test'
fi

if [ "${PAYWIRE_SKIP_E2E:-0}" != "1" ] && [ -f scripts/e2e.sh ]; then
	run_suite e2e bash scripts/e2e.sh
	# The version matrix (docs/e2e.md): a smoke run on the newest installable n8n 1.123.x.
	run_suite e2e-n8n1 env PAYWIRE_N8N_VERSION=1.123.81 bash scripts/e2e.sh test/e2e-compat/*.test.ts
	# Queue mode (Postgres + Redis from Debian's packages, installed when missing; docs/scaling.md).
	run_suite e2e-queue bash scripts/e2e.sh test/e2e-queue/*.test.ts
fi

echo
echo "paywire: logs in $log_dir"
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" -eq 0 ]

#!/usr/bin/env bash
# What a self-hoster installs: the npm pack tarball must hold every file the n8n block names,
# the compiled credential, the icons, no tests; and the only runtime dependencies are zod and ioredis
# (README › Lint deviations says why).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
files="$(npm pack --dry-run --json --ignore-scripts 2>/dev/null | node -e '
	let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
		for (const f of JSON.parse(s)[0].files) console.log(f.path);
	});')"
missing=0
for wanted in $(node -p 'const n = require("./package.json").n8n; [...n.nodes, ...n.credentials].join("\n")'); do
	grep -qx "$wanted" <<<"$files" || { echo "missing from tarball: $wanted"; missing=1; }
done
# Icons: `icon: 'file:x.svg'` and `icon: { light: 'file:x.svg', dark: 'file:x.dark.svg' }` alike.
for icon in $(grep -rhoE "['\"]file:[^'\"]+\.(svg|png)" nodes credentials 2>/dev/null | sed -E "s/^['\"]file://" | sort -u); do
	grep -q "/$icon\$" <<<"$files" || { echo "icon missing from tarball: $icon"; missing=1; }
done
if grep -E '(^|/)test/|\.test\.js$|\.spec\.js$' <<<"$files"; then echo "tests found in tarball"; missing=1; fi
runtime="$(npm ls --omit=dev --depth=0 --parseable 2>/dev/null | tail -n +2 | xargs -r -n1 basename | sort | tr '\n' ' ' | sed 's/ $//')"
if [ "$runtime" != "ioredis zod" ]; then echo "runtime dependencies should be only ioredis and zod, got: $runtime"; missing=1; fi
[ "$missing" -eq 0 ] && echo "icons: $(grep -rhoE "['\"]file:[^'\"]+\.(svg|png)" nodes credentials | sort -u | wc -l) checked; tarball: $(wc -l <<<"$files") files, n8n block complete, no tests; runtime dependencies: $runtime"
exit "$missing"

#!/usr/bin/env bash
# The builds of npm run build:all (tests/e2e/platforms/builds.test.mjs): each Linux and Windows server run here
# (arm64 under qemu-user, Windows under Wine), the macOS servers' Mach-O type and ad-hoc signature, each VSIX's
# contents, and dist/release. Needs dist/release (npm run build:all), qemu-user-static and Wine; without them
# nothing runs and the summary counts no test. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup platforms
e2e_wine_setup; wine=$?
if [ ! -f dist/release/SHA256SUMS ] || ! command -v qemu-aarch64-static >/dev/null || [ "$wine" -eq 1 ]; then
  echo "not run: needs dist/release (npm run build:all), qemu-aarch64-static (apt: qemu-user-static) and Wine (apt: wine wine64)"
  e2e_summary 0 0
fi
[ "$wine" -eq 0 ] || e2e_summary 0 1
timeout 300 node --test --test-force-exit --test-reporter=tap tests/e2e/platforms/builds.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
e2e_tap_summary "$work/tap.txt" "$rc"

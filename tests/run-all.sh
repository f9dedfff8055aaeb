#!/usr/bin/env bash
# Runs every test suite against a fresh build and ends with one line: "N passed, N failed".
# Suites: the .NET tests (unit, fixtures, baselines, in-process protocol), then tests/e2e/run-*.sh: the
# published NativeAOT binary through the node LSP client, the conformance suite (capability sets of real clients),
# the hostile-input suites (server and check), headless Neovim, Emacs (eglot, lsp-mode) and Vim (ALE), and the
# built VSIX in a real VS Code (code-server); with the cross-build tools present, also every other platform's build
# (arm64 under qemu-user, Windows under Wine, macOS signatures, VSIX contents, dist/release).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/tests/.results"
rm -rf "$results"; mkdir -p "$results"
passed=0; failed=0

summary() {
  echo "$passed passed, $failed failed" | tee "$results/summary.txt"
  [ "$failed" -eq 0 ]
  exit $?
}

# Every target when this machine has what cross-building needs (as CI does: .ci/run installs it), else the host's.
build=build
if command -v clang >/dev/null && command -v ld.lld >/dev/null && [ -d /usr/aarch64-linux-gnu/lib ]; then build=build:all
else rm -rf dist/servers dist/release dist/nuget; fi # not rebuilt: the platform suites must not test an older build
echo "== npm run $build"
if ! npm run --silent "$build"; then # the server(s), then the VSIX(s)
  failed=$((failed + 1)); echo "npm run $build failed"; summary
fi

echo "== .NET tests"
dotnet test tests/LspGlossary.Tests -c Release -nologo --logger "trx;LogFileName=dotnet.trx" --results-directory "$results" \
  2>&1 | grep -v -E '^\s*$' | tail -40
trx="$results/dotnet.trx"
if [ -f "$trx" ]; then
  p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  [ "${p:-0}" -gt 0 ] || { echo ".NET tests ran no test"; failed=$((failed + 1)); }
else
  echo ".NET tests produced no results"; failed=$((failed + 1))
fi

for suite in tests/e2e/run-*.sh; do
  [ -f "$suite" ] || continue
  echo "== $suite"
  out="$results/$(basename "$suite" .sh).txt"
  bash "$suite" 2>&1 | tee "$out"
  # Each suite ends with its own "N passed, N failed" line.
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
  if [ -z "$line" ]; then
    echo "$suite printed no summary"; failed=$((failed + 1)); continue
  fi
  passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
done

summary

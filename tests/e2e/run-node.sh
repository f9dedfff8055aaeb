#!/usr/bin/env bash
# End-to-end tests of the published binary through vscode-languageserver-protocol (node:test).
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export LSP_GLOSSARY_SERVER="${LSP_GLOSSARY_SERVER:-$root/dist/server/lsp-glossary}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lsp-glossary-node.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work" # the tests put their documents under os.tmpdir()

summary() { echo "$1 passed, $2 failed"; [ "$2" -eq 0 ]; exit $?; }

if ! command -v node >/dev/null; then echo "node is not installed"; summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"

timeout 110 node --test --test-reporter=tap tests/e2e/*.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
passed=$(grep -E '^# pass [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^# fail [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
passed=${passed:-0}; failed=${failed:-0}
if [ "$rc" -eq 124 ]; then echo "node --test timed out after 110 s"; failed=$((failed + 1));
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "node --test exited with $rc"; failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran"; failed=1; fi
summary "$passed" "$failed"

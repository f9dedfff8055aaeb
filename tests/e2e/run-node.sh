#!/usr/bin/env bash
# End-to-end tests of the published binary through vscode-languageserver-protocol (node:test).
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup node
export TMPDIR="$work" # the tests put their documents under os.tmpdir()

if ! command -v node >/dev/null; then echo "node is not installed"; e2e_summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"

# --test-force-exit: with a slow server (qemu, Wine) the runner sometimes never exits after its last test.
timeout 110 node --test --test-force-exit --test-reporter=tap tests/e2e/*.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
e2e_tap_summary "$work/tap.txt" "$rc"

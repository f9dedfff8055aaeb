#!/usr/bin/env bash
# The hostile-input suite of the language server (tests/e2e/hostile-lsp): the published binary fed broken
# framing, responses to nothing, out-of-range positions, lone surrogates, edit storms, big documents and
# glossary files that are FIFOs, devices, alias bombs or secrets. Figures per class go to
# tests/.results/hostile-lsp.json (docs/reliability.md quotes them). Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup hostile-lsp
export TMPDIR="$work" # the tests put their documents and FIFOs under os.tmpdir()

if ! command -v node >/dev/null; then echo "node is not installed"; e2e_summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"
rm -f tests/.results/hostile-lsp.json

timeout 900 node --test --test-force-exit --test-concurrency=1 --test-reporter=tap tests/e2e/hostile-lsp/*.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
[ -f tests/.results/hostile-lsp.json ] && { echo "figures:"; cat tests/.results/hostile-lsp.json; }
e2e_tap_summary "$work/tap.txt" "$rc"

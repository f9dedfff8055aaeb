#!/usr/bin/env bash
# Conformance of the published binary to LSP 3.17 with the capability sets of real clients (tests/e2e/conformance):
# VS Code, Neovim, Emacs eglot and lsp-mode, Vim ALE, a minimal client and a Commands-only client. The binary:
# $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup conformance
export TMPDIR="$work" # the tests put their documents under os.tmpdir()

if ! command -v node >/dev/null; then echo "node is not installed"; e2e_summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"

timeout 120 node --test --test-reporter=tap tests/e2e/conformance/*.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
passed=$(grep -E '^# pass [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^# fail [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
passed=${passed:-0}; failed=${failed:-0}
if [ "$rc" -eq 124 ]; then echo "node --test timed out after 120 s"; failed=$((failed + 1));
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "node --test exited with $rc"; failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran"; failed=1; fi
e2e_summary "$passed" "$failed"

#!/usr/bin/env bash
# Conformance of the published binary to LSP 3.17 with the capability sets of real clients (tests/e2e/conformance):
# VS Code, Neovim, Emacs eglot and lsp-mode, Vim ALE, a minimal client and a Commands-only client. The binary:
# $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup conformance
export TMPDIR="$work" # the tests put their documents under os.tmpdir()
e2e_node_tests 120 tests/e2e/conformance/*.test.mjs

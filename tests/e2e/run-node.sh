#!/usr/bin/env bash
# End-to-end tests of the published binary through vscode-languageserver-protocol (node:test).
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup node
export TMPDIR="$work" # the tests put their documents under os.tmpdir()
# --test-force-exit (in e2e_node_tests): with a slow server (qemu, Wine) the runner sometimes never exits after its last test.
# The whole run's limit stretches with LSP_GLOSSARY_E2E_TIME_SCALE like every wait inside it (Wine and qemu set 3).
scale="${LSP_GLOSSARY_E2E_TIME_SCALE:-1}"
[[ "$scale" =~ ^[1-9][0-9]*$ ]] || scale=1
e2e_node_tests $((150 * scale)) tests/e2e/*.test.mjs

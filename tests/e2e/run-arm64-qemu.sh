#!/usr/bin/env bash
# The node end-to-end suite (run-node.sh) against the linux-arm64 server, run by qemu-user on this x64 machine.
# Needs the server from npm run build:all (dist/servers/linux-arm64) and qemu-user-static (apt). Without them
# nothing runs: the summary says so and counts no test. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup arm64-qemu
server="$root/dist/servers/linux-arm64/lsp-glossary"
qemu="$(command -v qemu-aarch64-static || true)"
if [ -z "$qemu" ] || [ ! -x "$server" ]; then
  echo "not run: needs qemu-aarch64-static (apt-get install qemu-user-static) and $server (npm run build:all)"
  e2e_summary 0 0
fi
# The suites spawn LSP_GLOSSARY_SERVER directly: a script that runs the arm64 binary under qemu.
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$qemu" "$server" > "$work/lsp-glossary"
chmod +x "$work/lsp-glossary"
echo "server: $server under $qemu"
LSP_GLOSSARY_E2E_TIME_SCALE=3 LSP_GLOSSARY_SERVER="$work/lsp-glossary" bash tests/e2e/run-node.sh

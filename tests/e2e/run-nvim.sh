#!/usr/bin/env bash
# End-to-end tests of the published binary through headless Neovim's built-in LSP client (tests/e2e/nvim).
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export LSP_GLOSSARY_SERVER="${LSP_GLOSSARY_SERVER:-$root/dist/server/lsp-glossary}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lsp-glossary-nvim.XXXXXX")"
trap 'rm -rf "$work"' EXIT

summary() { echo "$1 passed, $2 failed"; [ "$2" -eq 0 ]; exit $?; }

if ! command -v nvim >/dev/null; then
  echo "nvim is missing: trying apt-get install -y neovim"
  if command -v apt-get >/dev/null; then
    sudo_=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_="sudo -n"
    { timeout 90 $sudo_ apt-get update && timeout 90 $sudo_ apt-get install -y neovim; } >"$work/apt.log" 2>&1 \
      || tail -5 "$work/apt.log"
  fi
fi
if ! command -v nvim >/dev/null; then echo "nvim is not installed and could not be installed"; summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"
echo "$(nvim --version | head -1)"

# The spec quits with :qa! when done; should it die with a Lua error, -c 'cquit 3' ends Neovim instead of hanging.
E2E_WORK="$work" HOME="$work" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
  timeout 100 nvim --headless -n -i NONE --noplugin -u tests/e2e/nvim/glossary_spec.lua -c 'cquit 3' </dev/null >"$work/out.txt" 2>&1
rc=$?
cat "$work/out.txt"
results="$work/results.txt"
touch "$results"
passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
if [ "$rc" -eq 124 ]; then echo "nvim timed out after 100 s"; failed=$((failed + 1));
elif [ "$rc" -ne 0 ]; then echo "nvim exited with $rc"; failed=$((failed + 1)); fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no check ran"; failed=1; fi
summary "$passed" "$failed"

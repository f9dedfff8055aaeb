#!/usr/bin/env bash
# End-to-end tests of the published binary through headless Neovim's built-in LSP client (tests/e2e/nvim), and of
# docs/editors/nvim/lsp/lsp_glossary.lua (the Neovim 0.11 config), loaded with dofile and started with vim.lsp.start_client.
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup nvim

command -v nvim >/dev/null || E2E_APT_LOG="$work/apt.log" e2e_apt_install neovim
if ! command -v nvim >/dev/null; then echo "nvim is not installed and could not be installed"; e2e_summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"
echo "$(nvim --version | head -1)"

# The spec quits with :qa! when done; should it die with a Lua error, -c 'cquit 3' ends Neovim instead of hanging.
# Neovim starts a wrapper that logs what Neovim and the server write (lib.sh).
wrapper=$(e2e_logging_wrapper)
# docs/editors/nvim/lsp/lsp_glossary.lua runs `lsp-glossary` from PATH, as a user's (or mason's) install would.
mkdir -p "$work/bin" && ln -s "$LSP_GLOSSARY_SERVER" "$work/bin/lsp-glossary"
PATH="$work/bin:$PATH" LSP_GLOSSARY_NVIM_CONFIG="$root/docs/editors/nvim/lsp/lsp_glossary.lua" \
LSP_GLOSSARY_SERVER="$wrapper" E2E_WORK="$work" HOME="$work" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
  timeout 100 nvim --headless -n -i NONE --noplugin -u tests/e2e/nvim/glossary_spec.lua -c 'cquit 3' </dev/null >"$work/out.txt" 2>&1
rc=$?
cat "$work/out.txt"
e2e_compare_capabilities "Neovim 0.7.2" "$work/results.txt"; tail -1 "$work/results.txt"
e2e_finish "$work/results.txt" "$rc" "nvim (timeout 100 s)"

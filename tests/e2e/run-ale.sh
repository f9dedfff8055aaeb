#!/usr/bin/env bash
# End-to-end tests of the published binary through Vim 9 + ALE in Ex mode (tests/e2e/ale). Installs vim-nox and
# vim-ale with apt when missing. The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary.
# Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup ale

command -v vim >/dev/null && dpkg -s vim-ale >/dev/null 2>&1 || E2E_APT_LOG="$work/apt.log" e2e_apt_install vim-nox vim-ale || e2e_summary 0 1
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"
echo "$(vim --version | head -1), ALE $(dpkg-query -W -f '${Version}' vim-ale 2>/dev/null)"

# ALE starts a wrapper that logs what ALE and the server write (lib.sh).
wrapper=$(e2e_logging_wrapper)

# HOME in the work folder: no user vimrc, no ~/.vim writes.
LSP_GLOSSARY_SERVER="$wrapper" E2E_WORK="$work" HOME="$work" \
  timeout 90 vim -N -u NONE -i NONE -es -S tests/e2e/ale/glossary_test.vim </dev/null >"$work/out.txt" 2>&1
rc=$?
cat "$work/out.txt"
e2e_compare_capabilities "Vim ALE 3.3.0" "$work/results.txt"
cat "$work/results.txt" 2>/dev/null
e2e_finish "$work/results.txt" "$rc" "vim (timeout 90 s)"

#!/usr/bin/env bash
# End-to-end tests of the published binary through Emacs's lsp-mode in batch mode (tests/e2e/lsp-mode).
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Installs emacs-nox and elpa-lsp-mode
# with apt when missing. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup lsp-mode

E2E_APT_LOG="$work/apt.log" e2e_apt_install emacs-nox elpa-lsp-mode || e2e_summary 0 1
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"
echo "$(emacs --version | head -1), lsp-mode $(dpkg-query -W -f '${Version}' elpa-lsp-mode 2>/dev/null)"

# lsp-mode starts a wrapper that logs what lsp-mode and the server write (lib.sh).
wrapper=$(e2e_logging_wrapper)
# HOME in the work folder: no user init file, no ~/.emacs.d writes.
LSP_GLOSSARY_SERVER="$wrapper" E2E_WORK="$work" HOME="$work" timeout 90 emacs --batch -l tests/e2e/lsp-mode/glossary-test.el </dev/null >"$work/out.txt" 2>&1
rc=$?
grep -v -E '^\s*$' "$work/out.txt"
e2e_compare_capabilities "Emacs lsp-mode 8.0.0" "$work/results.txt"; tail -1 "$work/results.txt"
e2e_finish "$work/results.txt" "$rc" "emacs (timeout 90 s)"

#!/usr/bin/env bash
# Publishes the NativeAOT server to dist/server/lsp-glossary with the bundled glossary beside it,
# then runs it once on that glossary as a smoke check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The runtime: LSP_GLOSSARY_RID (linux-x64 here; win-x64, osx-arm64 … on their own machines, see .github/workflows).
rid="${LSP_GLOSSARY_RID:-linux-x64}"
exe=dist/server/lsp-glossary
case "$rid" in win-*) exe=dist/server/lsp-glossary.exe ;; esac

# NativeAOT links with clang by default; a Linux machine may only have gcc.
linker=()
case "$rid" in linux-*) command -v clang >/dev/null 2>&1 || linker=(-p:CppCompilerAndLinker=gcc) ;; esac

rm -rf dist/server
dotnet publish server/LspGlossary.Server -c Release -r "$rid" -o dist/server "${linker[@]}" -nologo -v quiet -clp:NoSummary \
  | { grep -v -E '^\s*$' || true; }
test -x "$exe" || { echo "publish failed: $exe is missing" >&2; exit 1; }
rm -f dist/server/*.dbg dist/server/*.pdb
rm -rf dist/server/*.dSYM

"$exe" --validate-glossary
echo "built $("$exe" --version) -> $exe ($(du -h "$exe" | cut -f1)), $(ls dist/server/glossary/*.yaml | wc -l) glossary files"

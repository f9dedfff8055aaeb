#!/usr/bin/env bash
# Publishes the NativeAOT server to dist/server/lsp-glossary with the bundled glossary beside it,
# then runs it once on that glossary as a smoke check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# NativeAOT links with clang by default; the machine may only have gcc.
linker=()
command -v clang >/dev/null 2>&1 || linker=(-p:CppCompilerAndLinker=gcc)

rm -rf dist/server
dotnet publish server/LspGlossary.Server -c Release -r linux-x64 -o dist/server "${linker[@]}" -nologo -v quiet -clp:NoSummary \
  | { grep -v -E '^\s*$' || true; }
test -x dist/server/lsp-glossary || { echo "publish failed: dist/server/lsp-glossary is missing" >&2; exit 1; }
rm -f dist/server/*.dbg dist/server/*.pdb

dist/server/lsp-glossary --validate-glossary
echo "built $(dist/server/lsp-glossary --version) -> dist/server/lsp-glossary ($(du -h dist/server/lsp-glossary | cut -f1)), $(ls dist/server/glossary/*.yaml | wc -l) glossary files"

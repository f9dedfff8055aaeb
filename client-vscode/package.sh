#!/usr/bin/env bash
# Bundles the extension (esbuild) and packages the platform VSIX with the published server:
#   dist/client/extension.js, dist/lsp-glossary-<target>-<version>.vsix
# Run after server/publish.sh (npm run build does both). VSCE_TARGET overrides the target (linux-x64).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${VSCE_TARGET:-linux-x64}"
version="$(node -p 'require("./package.json").version')"
bin="$root/node_modules/.bin"
[ -x "$bin/esbuild" ] && [ -x "$bin/vsce" ] || { echo "run 'npm ci' first (esbuild and @vscode/vsce are missing)" >&2; exit 1; }
[ -x dist/server/lsp-glossary ] || [ -x dist/server/lsp-glossary.exe ] \
  || { echo "no server in dist/server: run server/publish.sh first" >&2; exit 1; }

"$bin/tsc" -p client-vscode --noEmit
rm -rf dist/client
"$bin/esbuild" client-vscode/src/extension.ts --bundle --platform=node --format=cjs --target=node20 \
  --external:vscode --minify --keep-names --outfile=dist/client/extension.js --log-level=warning

vsix="dist/lsp-glossary-$target-$version.vsix"
rm -f "$vsix"
# The README's images are packaged and stay relative; no repository URL is needed.
"$bin/vsce" package --target "$target" --no-dependencies --no-rewrite-relative-links --allow-missing-repository \
  --changelog-path client-vscode/CHANGELOG.md --out "$vsix" 2>&1 | grep -v -E 'nodedir|^\s*$' || true
test -f "$vsix" || { echo "vsce produced no $vsix" >&2; exit 1; }
echo "packaged $vsix ($(du -h "$vsix" | cut -f1))"

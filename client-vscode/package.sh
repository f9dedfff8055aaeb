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
[ -x dist/server/lsp-glossary ] || [ -f dist/server/lsp-glossary.exe ] \
  || { echo "no server in dist/server: run server/publish.sh first" >&2; exit 1; }

"$bin/tsc" -p client-vscode --noEmit
rm -rf dist/client
"$bin/esbuild" client-vscode/src/extension.ts --bundle --platform=node --format=cjs --target=node20 \
  --external:vscode --minify --keep-names --outfile=dist/client/extension.js --log-level=warning

vsix="dist/lsp-glossary-$target-$version.vsix"
rm -f "$vsix"
# The VSIX's README is client-vscode/README.md, written for users of the extension; its screenshot is packaged.
# VS Code's extension page shows README images only from https URLs: given the repository's public URL and a ref (LSP_GLOSSARY_REPO_URL, LSP_GLOSSARY_REPO_REF, as in the CI
# workflow), relative links are rewritten to it; without one they stay relative (fine on disk and on GitHub).
links=(--no-rewrite-relative-links)
if [ -n "${LSP_GLOSSARY_REPO_URL:-}" ]; then
  ref="${LSP_GLOSSARY_REPO_REF:-main}"
  links=(--baseContentUrl "$LSP_GLOSSARY_REPO_URL/blob/$ref/" --baseImagesUrl "$LSP_GLOSSARY_REPO_URL/raw/$ref/")
fi
"$bin/vsce" package --target "$target" --no-dependencies "${links[@]}" \
  --readme-path client-vscode/README.md --changelog-path client-vscode/CHANGELOG.md --out "$vsix" 2>&1 | grep -v -E 'nodedir|^\s*$' || true
test -f "$vsix" || { echo "vsce produced no $vsix" >&2; exit 1; }
echo "packaged $vsix ($(du -h "$vsix" | cut -f1))"

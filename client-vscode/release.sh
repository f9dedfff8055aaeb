#!/usr/bin/env bash
# npm run build:all: the server for every runtime, a VSIX for every VS Code target, and dist/release/, ready to
# attach to a release:
#   dist/servers/<rid>/                                  each runtime's server (server/publish.sh)
#   dist/release/lsp-glossary-<target>-<version>.vsix    one VSIX per line of client-vscode/targets.txt
#   dist/release/lsp-glossary-server-<version>-<rid>.tar.gz (.zip for Windows)   each server on its own
#   dist/release/SHA256SUMS
#   dist/nuget/                                          the .NET tool: lsp-glossary and one package per runtime
# Afterwards dist/server and dist/lsp-glossary-linux-x64-<version>.vsix are the linux-x64 ones, as after npm run build.
# Needs clang, lld and Debian's arm64 cross libc (apt: clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(node -p 'require("./package.json").version')"
targets="$(grep -v -E '^\s*(#|$)' client-vscode/targets.txt)"
rids="$(echo "$targets" | awk '{print $2}' | sort -u)"

start=$(date +%s)
for rid in $rids; do
  echo "== server $rid"
  LSP_GLOSSARY_RID="$rid" LSP_GLOSSARY_OUT="dist/servers/$rid" bash server/publish.sh
done

rm -rf dist/release && mkdir -p dist/release
# linux-x64 last, so that dist/server and dist/*.vsix end as npm run build leaves them.
echo "$targets" | sort -k1,1 | awk '$1 != "linux-x64"' > dist/targets.tmp
echo "$targets" | awk '$1 == "linux-x64"' >> dist/targets.tmp
while read -r target rid; do
  echo "== VSIX $target ($rid)"
  rm -rf dist/server && cp -a "dist/servers/$rid" dist/server
  VSCE_TARGET="$target" bash client-vscode/package.sh
  cp "dist/lsp-glossary-$target-$version.vsix" dist/release/
done < dist/targets.tmp
rm -f dist/targets.tmp

for rid in $rids; do
  name="lsp-glossary-server-$version-$rid"
  case "$rid" in
    win-*) (cd "dist/servers/$rid" && zip -q -r -X "$root/dist/release/$name.zip" .) ;;
    *) tar -C "dist/servers/$rid" --owner=0 --group=0 -czf "dist/release/$name.tar.gz" . ;;
  esac
done

echo "== .NET tool"
rm -rf dist/nuget
pack=(dotnet pack server/LspGlossary.Server -c Release -o dist/nuget -p:DebugType=none -p:SatelliteResourceLanguages=en
  -nologo -v quiet -clp:NoSummary)
"${pack[@]}" # the package lsp-glossary, which names the runtime packages (ToolPackageRuntimeIdentifiers)
for rid in $(dotnet msbuild server/LspGlossary.Server -getProperty:ToolPackageRuntimeIdentifiers | tr ';' ' '); do
  # A package holds the runtime's whole output folder: clear what earlier builds left there (debug symbols).
  rm -rf "server/LspGlossary.Server/bin/Release/net10.0/$rid"
  case "$rid" in
    linux-*) "${pack[@]}" -r "$rid" -p:StaticExecutable=true -p:LinkerFlavor=lld ;; # NativeAOT, as in the VSIXs
    *) "${pack[@]}" -r "$rid" ;;                                                     # any: framework-dependent
  esac
done
ls dist/nuget

(cd dist/release && sha256sum -- * > SHA256SUMS)
echo "dist/release ($(( $(date +%s) - start )) s):"
(cd dist/release && ls -l --block-size=K -- * | awk '{print "  " $5 "  " $9}')

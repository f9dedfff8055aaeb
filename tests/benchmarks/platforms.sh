#!/usr/bin/env bash
# Per platform build of npm run build:all: server size, VSIX size, and spawn → initialize answered (median of
# ROUNDS fresh processes, default 11, tests/benchmarks/startup.mjs). Prints Markdown rows for docs/performance.md.
# Run on demand, after npm run build:all, on a machine as quiet as possible:
#   bash tests/benchmarks/platforms.sh
# Besides the shipped builds it builds linux-x64 as ReadyToRun (dist/servers/linux-x64-readytorun), the build
# Windows and macOS get, to time it natively here; Wine and qemu timings are given as such.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source tests/e2e/lib.sh
version="$(node -p 'require("./package.json").version')"
[ -f dist/release/SHA256SUMS ] || { echo "run npm run build:all first" >&2; exit 1; }
if [ ! -x dist/servers/linux-x64-readytorun/lsp-glossary ]; then
  LSP_GLOSSARY_RID=linux-x64 LSP_GLOSSARY_READYTORUN=1 LSP_GLOSSARY_OUT=dist/servers/linux-x64-readytorun bash server/publish.sh >&2
fi
e2e_wine_setup >&2 || { echo "Wine is needed for the Windows row" >&2; exit 1; }

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
size_of() { du -sb "$1" | cut -f1; }
median() { ROUNDS="${ROUNDS:-11}" node tests/benchmarks/startup.mjs "$@" | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).medianMs))'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| VS Code target | build | server size | VSIX size | spawn → initialize, median | run as |"
echo "|---|---|---:|---:|---:|---|"
row() { # target, build, server path (file or folder), runner description, command...
  local target=$1 build=$2 server=$3 how=$4; shift 4
  local vsix="dist/release/lsp-glossary-$target-$version.vsix" vsix_size="—" startup="—"
  [ -f "$vsix" ] && vsix_size="$(mib "$(size_of "$vsix")")"
  [ $# -gt 0 ] && startup="$(median "$target" "$@") ms"
  echo "| $target | $build | $(mib "$(size_of "$server")") | $vsix_size | $startup | $how |"
}
row linux-x64 "NativeAOT, static" dist/servers/linux-x64/lsp-glossary "natively" dist/servers/linux-x64/lsp-glossary
row alpine-x64 "the linux-x64 binary" dist/servers/linux-x64/lsp-glossary "(same binary)"
row linux-arm64 "NativeAOT, static, cross-compiled" dist/servers/linux-arm64/lsp-glossary "qemu-user (emulated arm64)" \
  qemu-aarch64-static dist/servers/linux-arm64/lsp-glossary
row alpine-arm64 "the linux-arm64 binary" dist/servers/linux-arm64/lsp-glossary "(same binary)"
row win32-x64 "ReadyToRun, folder" dist/servers/win-x64 "Wine 8 (through tests/e2e/wine/lsp-glossary.mjs)" \
  env LSP_GLOSSARY_WINE_EXE="$root/dist/servers/win-x64/lsp-glossary.exe" node tests/e2e/wine/lsp-glossary.mjs
row darwin-arm64 "ReadyToRun, single file" dist/servers/osx-arm64/lsp-glossary "cannot run here"
row darwin-x64 "ReadyToRun, single file" dist/servers/osx-x64/lsp-glossary "cannot run here"
row "(linux-x64)" "ReadyToRun, single file (what Windows and macOS get)" dist/servers/linux-x64-readytorun/lsp-glossary "natively" \
  dist/servers/linux-x64-readytorun/lsp-glossary
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

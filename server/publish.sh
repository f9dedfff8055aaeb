#!/usr/bin/env bash
# Publishes the server for one runtime, then runs it once (--validate-glossary) when this machine can.
#   LSP_GLOSSARY_RID  linux-x64 (default), linux-arm64, win-x64, osx-arm64, osx-x64
#   LSP_GLOSSARY_OUT  the output folder (default dist/server)
#   LSP_GLOSSARY_READYTORUN=1  the self-contained ReadyToRun build even where NativeAOT is possible (to measure on
#                     Linux what Windows and macOS get: tests/benchmarks/platforms.sh)
# The bundled glossary is embedded in the binary: the output holds the executable (and, for Windows built
# on Linux, the runtime's files beside it). How each runtime is built (README, "Platforms"):
#   linux-*         NativeAOT, one static executable (static-pie, linked by lld): it needs no libc at run time,
#                   so it runs on any glibc and on musl (Alpine). arm64 is cross-compiled with clang and Debian's
#                   arm64 cross libc (apt: clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross).
#   win-*, osx-*    NativeAOT cannot link for another operating system. Built on Linux: self-contained, trimmed,
#                   ReadyToRun; Windows as a folder (the single file does not start under Wine, where it is tested),
#                   macOS as one file, which the SDK signs ad hoc. Built on their own OS: NativeAOT.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

rid="${LSP_GLOSSARY_RID:-linux-x64}"
out="${LSP_GLOSSARY_OUT:-dist/server}"
exe="$out/lsp-glossary"
case "$rid" in win-*) exe="$out/lsp-glossary.exe" ;; esac

case "$(uname -s)" in Linux) host_os=linux ;; Darwin) host_os=osx ;; *) host_os=win ;; esac
case "$(uname -m)" in x86_64 | amd64) host_arch=x64 ;; aarch64 | arm64) host_arch=arm64 ;; *) host_arch=other ;; esac
rid_os="${rid%%-*}"

# NativeAOT where it can link (the runtime's OS is this machine's), else ReadyToRun.
kind=nativeaot
if [ "$rid_os" != "$host_os" ] || [ "${LSP_GLOSSARY_READYTORUN:-}" = 1 ]; then kind=readytorun; fi

flags=()
if [ "$kind" = readytorun ]; then
  single=true
  [ "$rid_os" = win ] && single=false
  # DynamicCodeSupport=false: no Reflection.Emit, as in the NativeAOT build (System.Text.Json then reads members by
  # reflection instead of emitting accessors). Under Wine the CLR died finalizing such dynamic methods
  # (0x80131506 in DynamicResolver+DestroyScout.Finalize), at random, in tests/e2e/run-win-wine.sh.
  flags=(--self-contained -p:PublishAot=false -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:DynamicCodeSupport=false
    -p:PublishSingleFile=$single -p:SatelliteResourceLanguages=en -p:DebugType=none)
  how="self-contained, trimmed, ReadyToRun"
elif [ "$rid_os" = linux ]; then
  if command -v clang >/dev/null && command -v ld.lld >/dev/null; then
    flags=(-p:StaticExecutable=true -p:LinkerFlavor=lld)
    how="NativeAOT, static"
  elif [ "$rid" = "linux-$host_arch" ]; then
    # Without lld the static link fails (ld.bfd 2.40 asserts on static-pie): a dynamic binary, which needs glibc 2.34.
    echo "note: clang and lld are missing (apt-get install clang lld): building a dynamic binary that needs glibc >= 2.34" >&2
    command -v clang >/dev/null || flags=(-p:CppCompilerAndLinker=gcc)
    how="NativeAOT, dynamic"
  else
    echo "cross-compiling for $rid needs clang and lld (and for arm64: gcc-aarch64-linux-gnu libc6-dev-arm64-cross)" >&2
    exit 1
  fi
else
  how="NativeAOT"
fi

rm -rf "$out"
dotnet publish server/LspGlossary.Server -c Release -r "$rid" -o "$out" "${flags[@]}" -nologo -v quiet -clp:NoSummary \
  | { grep -v -E '^\s*$' || true; }
test -f "$exe" || { echo "publish failed: $exe is missing" >&2; exit 1; }
rm -f "$out"/*.dbg "$out"/*.pdb
rm -rf "$out"/*.dSYM

# The smoke run: natively, or an arm64 Linux binary under qemu-user. Windows and macOS builds are run by the tests.
runner=()
if [ "$rid" = "$host_os-$host_arch" ]; then
  runner=()
elif [ "$rid" = linux-arm64 ] && command -v qemu-aarch64-static >/dev/null; then
  runner=(qemu-aarch64-static)
else
  runner=(skip)
fi
if [ "${runner[*]:-}" = skip ]; then
  echo "built $rid ($how) -> $exe ($(du -h "$exe" | cut -f1)); not run here"
else
  "${runner[@]}" "$exe" --validate-glossary
  echo "built $rid ($how): $("${runner[@]}" "$exe" --version) -> $exe ($(du -h "$exe" | cut -f1))"
fi

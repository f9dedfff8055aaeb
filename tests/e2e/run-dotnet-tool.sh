#!/usr/bin/env bash
# The .NET tool from the local feed dist/nuget (npm run build:all), installed as a user would:
#   dotnet tool install -g lsp-glossary --add-source dist/nuget    (into a private DOTNET_CLI_HOME)
#   dnx lsp-glossary …                                               (dotnet tool exec, no install)
# Each must give lsp-glossary --version and a check of a Markdown file with exactly its one wrong spelling.
# Without dist/nuget nothing runs and the summary counts no test. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup dotnet-tool
results="$work/results.txt"
feed="$root/dist/nuget"
version="$(node -p 'require("./package.json").version')"
if ! ls "$feed"/lsp-glossary.*.nupkg >/dev/null 2>&1; then
  echo "not run: no tool packages in $feed (npm run build:all)"
  e2e_summary 0 0
fi
# A private home: the global tool lands in $work/home/.dotnet/tools, and the package caches stay out of ~.
export DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dnx="$(dirname "$(readlink -f "$(command -v dotnet)")")/dnx"
mkdir -p "$work/docs"
printf '# Notes\n\nWe fine-tune with Lora, then RLHF.\n' > "$work/docs/notes.md"

# Checks one way of running the tool: $1 names it, the rest is the command (the tool's arguments follow).
check_runs() {
  local name=$1; shift
  local out
  out="$("$@" --version 2>"$work/err.txt")"
  if [ "$out" != "$version" ]; then echo "FAIL $name: --version printed '$out'; $(tail -3 "$work/err.txt")" >>"$results"; return; fi
  out="$(cd "$work/docs" && "$@" check --no-progress notes.md 2>"$work/err.txt")"; local rc=$?
  if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == "notes.md:3:19: glossary.wrong-variant: 'Lora'"* ]]; then
    echo "PASS $name: --version and check" >>"$results"
  else
    echo "FAIL $name: check exited $rc with '$out'; $(tail -3 "$work/err.txt")" >>"$results"
  fi
}

install_log="$work/install.txt"
if timeout 300 dotnet tool install -g lsp-glossary --version "$version" --add-source "$feed" >"$install_log" 2>&1; then
  cat "$install_log"
  tool="$DOTNET_CLI_HOME/.dotnet/tools/lsp-glossary"
  check_runs "dotnet tool install -g" "$tool"
  # On linux-x64 the RID-specific package carries the NativeAOT binary: a native executable, not a .NET app host.
  if [ "$(uname -m)" = x86_64 ]; then
    native="$(find "$DOTNET_CLI_HOME/.dotnet/tools/.store/lsp-glossary" -type f -name lsp-glossary -path '*linux-x64*' | head -1)"
    if [ -n "$native" ] && file "$native" | grep -q 'static-pie linked'; then echo "PASS the installed tool is the static NativeAOT binary" >>"$results"
    else echo "FAIL the installed tool is not the static NativeAOT binary: $(find "$DOTNET_CLI_HOME/.dotnet/tools/.store" -type f | head -5)" >>"$results"; fi
  fi
else
  echo "FAIL dotnet tool install -g: $(tail -5 "$install_log")" >>"$results"
fi

check_runs "dnx" timeout 300 "$dnx" lsp-glossary --version "$version" --add-source "$feed" --
cat "$results"
e2e_finish "$results" 0 "the tool checks"

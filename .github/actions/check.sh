#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml at the repository's root); tests/e2e/run-action.sh runs it locally.
# Inputs come as environment variables, as action.yml passes them:
#   INPUT_PATHS             files, folders or globs, separated by spaces or new lines (default .)
#   INPUT_FORMAT            github (default), text, json, sarif or rdjson
#   INPUT_FAIL_ON_FINDINGS  true (default): exit 1 on findings; false: exit 0
#   INPUT_VERSION           the tool's version (default: the newest)
#   INPUT_TOOL_SOURCE       a package folder or feed for dotnet tool install --add-source; 'build': pack the tool
#                           from this action's own source (the repository at the ref the workflow uses) first
#   INPUT_OUTPUT            a file for the report (default: standard output, the log)
# 1. Installs the .NET tool lsp-glossary globally (dotnet tool install -g), unless that version is there already,
#    and puts its folder on PATH for later steps ($GITHUB_PATH).
# 2. Runs: lsp-glossary check --no-progress --format FORMAT -- PATHS
# 3. Exits with check's code (2: an error, always a failure), except that findings (1) give 0 when
#    INPUT_FAIL_ON_FINDINGS is false. The code is also written to $GITHUB_OUTPUT as exit-code.
set -uo pipefail

paths="${INPUT_PATHS:-.}"
format="${INPUT_FORMAT:-github}"
fail_on_findings="${INPUT_FAIL_ON_FINDINGS:-true}"
version="${INPUT_VERSION:-}"
tool_source="${INPUT_TOOL_SOURCE:-}"
output="${INPUT_OUTPUT:-}"

case "$fail_on_findings" in
  true | false) ;;
  *) echo "::error title=lsp-glossary::fail-on-findings is '$fail_on_findings': it must be true or false"; exit 2 ;;
esac

tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
tool="$tools/lsp-glossary"
installed=""
[ -x "$tool" ] && installed="$("$tool" --version 2>/dev/null || true)"
if [ -z "$installed" ] || { [ -n "$version" ] && [ "$installed" != "$version" ]; }; then
  if [ "$tool_source" = build ]; then
    # One framework-dependent tool package (no runtime-specific ones, so no NativeAOT toolchain is needed), built
    # apart from the source folder's bin/ and obj/.
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    build="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/lsp-glossary-tool.XXXXXX")"
    echo "packing the tool from $here" >&2
    if ! dotnet pack "$here/server/LspGlossary.Server" -c Release -o "$build/nuget" --artifacts-path "$build/artifacts" \
        -p:ToolPackageRuntimeIdentifiers= -p:DebugType=none -p:SatelliteResourceLanguages=en -nologo -v quiet -clp:NoSummary >&2; then
      echo "::error title=lsp-glossary::could not pack the .NET tool lsp-glossary from $here"
      exit 2
    fi
    tool_source="$build/nuget"
    packed="$(cd "$tool_source" && ls lsp-glossary.*.nupkg)"
    packed="${packed#lsp-glossary.}"
    version="${packed%.nupkg}"
  fi
  [ -n "$installed" ] && dotnet tool uninstall -g lsp-glossary >/dev/null
  install=(dotnet tool install -g lsp-glossary)
  [ -n "$version" ] && install+=(--version "$version")
  [ -n "$tool_source" ] && install+=(--add-source "$tool_source")
  echo "${install[*]}" >&2
  if ! "${install[@]}" >&2; then
    echo "::error title=lsp-glossary::could not install the .NET tool lsp-glossary${version:+ $version}"
    exit 2
  fi
fi
[ -n "${GITHUB_PATH:-}" ] && echo "$tools" >>"$GITHUB_PATH"
echo "lsp-glossary $("$tool" --version)" >&2

# Split on spaces and new lines, without the shell expanding globs: check expands them itself.
set -f
# shellcheck disable=SC2206
targets=($paths)
set +f

if [ -n "$output" ]; then
  "$tool" check --no-progress --format "$format" -- "${targets[@]}" >"$output"
else
  "$tool" check --no-progress --format "$format" -- "${targets[@]}"
fi
rc=$?
[ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
if [ "$rc" -eq 1 ] && [ "$fail_on_findings" = false ]; then
  echo "lsp-glossary found wrong spellings; fail-on-findings is false, so the step passes" >&2
  exit 0
fi
exit "$rc"

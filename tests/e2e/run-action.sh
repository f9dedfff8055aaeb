#!/usr/bin/env bash
# The GitHub Action (action.yml, run logic in .github/actions/check.sh) run here with the action's own steps
# (tests/e2e/action/run-composite.py) against the .NET tool packed from this repository: dist/nuget when
# npm run build:all made it, else the action's tool-source 'build' (it packs a framework-dependent tool itself). In a temporary git
# repository with one wrong spelling: the annotation line and exit 1; with fail-on-findings false, exit 0; globs and
# several paths in `paths`; a clean repository; a bad input. Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup action
results="$work/results.txt"
touch "$results"
command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null || e2e_apt_install python3-yaml
if ! python3 -c 'import yaml' 2>/dev/null; then echo "python3 with yaml (apt: python3-yaml) is missing"; e2e_summary 0 1; fi
version="$(node -p 'require("./package.json").version' 2>/dev/null || sed -n 's/.*<Version>\(.*\)<\/Version>.*/\1/p' server/LspGlossary.Server/LspGlossary.Server.csproj)"

feed="$root/dist/nuget"
if ! ls "$feed"/lsp-glossary.*.nupkg >/dev/null 2>&1; then
  # No packages built: the action packs the tool from its own source (tool-source: build) on its first run.
  feed=build
fi
echo "tool source: $feed"

# The runner's tool folder and package cache, private to this run. (With tool-source build, the pack's restore
# takes the packages it needs from the user's cache first: MSBuild reads this environment variable as a property.)
export TMPDIR="$work" # the packed tool (tool-source build) goes there, removed on exit
export RestoreAdditionalProjectFallbackFolders="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
export DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
repo="$work/repo"
mkdir -p "$repo/docs"
git -C "$repo" init -q
printf '# Notes\n\nWe fine-tune with Lora, then RLHF.\n' >"$repo/docs/notes.md"
printf '# Read me\n\nWe use LoRA.\n' >"$repo/README.md"
printf 'notes\n' >"$repo/docs/notes.txt"
# Only the tool's packages: the install never depends on nuget.org.
cat >"$repo/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /></packageSources></configuration>
XML
git -C "$repo" add -A

expected="::warning file=docs/notes.md,line=3,col=19,endLine=3,endColumn=23,title=glossary.wrong-variant::'Lora' is not the glossary's spelling: write 'LoRA'"

# Runs the action in $repo with the inputs "$@" (besides version, tool-source, dotnet-version=''): $out, $err, $rc.
# A timeout of 600 s: the first run may pack the tool.
run_action() {
  (cd "$repo" && GITHUB_OUTPUT="$work/github-output" GITHUB_PATH="$work/github-path" timeout 600 \
    python3 "$root/tests/e2e/action/run-composite.py" "$root" version="$version" tool-source="$feed" dotnet-version= "$@" \
    >"$work/out.txt" 2>"$work/err.txt")
  rc=$?
  out="$(cat "$work/out.txt")"; err="$(tail -5 "$work/err.txt")"
}
annotations() { grep -c '^::' <<<"$out"; }
check() { # $1 name, $2 condition (evaluated)
  if eval "$2"; then echo "PASS $1" >>"$results"; else echo "FAIL $1: exit $rc, stdout '$out', stderr '$err'" >>"$results"; fi
}

run_action
check "the action annotates the wrong spelling and fails (exit 1)" \
  '[ "$rc" -eq 1 ] && [ "$(annotations)" -eq 1 ] && [[ "$out" == "$expected"* ]]'
check "the action installed the tool, put it on GITHUB_PATH and set the exit-code output" \
  '[ -x "$DOTNET_CLI_HOME/.dotnet/tools/lsp-glossary" ] && grep -qx "$DOTNET_CLI_HOME/.dotnet/tools" "$work/github-path" && grep -qx "exit-code=1" "$work/github-output"'

run_action fail-on-findings=false
check "fail-on-findings false: the same annotation, exit 0" \
  '[ "$rc" -eq 0 ] && [ "$(annotations)" -eq 1 ] && [[ "$out" == "$expected"* ]]'

run_action paths="README.md
docs/**/*.md"
check "paths: several, on lines, and a glob expanded by check (not the shell)" \
  '[ "$rc" -eq 1 ] && [ "$(annotations)" -eq 1 ] && [[ "$out" == "$expected"* ]]'

run_action paths="docs/notes.txt" 
check "a named file of an unchecked type: a warning, no annotation, exit 0" \
  '[ "$rc" -eq 0 ] && [ "$(annotations)" -eq 0 ] && grep -q "notes.txt: warning: not checked" "$work/err.txt"'

run_action format=rdjson output=report.json
check "format rdjson into output: reviewdog's JSON in the file" \
  '[ "$rc" -eq 1 ] && [ -z "$out" ] && node -e "const r=JSON.parse(require(\"fs\").readFileSync(process.argv[1],\"utf8\")); if (r.diagnostics[0].location.path!==\"docs/notes.md\" || r.diagnostics[0].location.range.start.column!==19) process.exit(1)" "$repo/report.json"'
rm -f "$repo/report.json"

run_action fail-on-findings=maybe
check "a bad fail-on-findings is an error (exit 2)" '[ "$rc" -eq 2 ] && [[ "$out" == "::error "* ]]'

sed -i 's/Lora/LoRA/' "$repo/docs/notes.md"
run_action
check "the fixed repository passes with no annotation" '[ "$rc" -eq 0 ] && [ "$(annotations)" -eq 0 ]'

cat "$results"
e2e_finish "$results" 0 "the action checks"

#!/usr/bin/env bash
# Benchmark, run on demand (not part of `npm test`): `lsp-glossary check` side by side with textlint +
# textlint-rule-prh (given a prh dictionary exported from our glossary) on the same Markdown files, plus
# our check of the corpus' code files and, when installed, ripgrep with a plain alternation of the variants.
# Prints wall time, MB/s, peak RSS and findings for each, the ratio, and how the findings differ.
#
#   bash tests/benchmarks/check-vs-textlint.sh [CORPUS_DIR]       (default: ../shared/corpus)
#   RUNS=5 (runs of our check; the median wall time is reported), TEXTLINT_RUNS=1
# textlint is installed with npm into tests/benchmarks/.cache/ (git-ignored); the published binary must exist
# (npm run build). Results and the raw findings go to tests/benchmarks/.cache/results/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/benchmarks"
corpus="${1:-$root/../shared/corpus}"
[ -d "$corpus" ] || corpus=/work/shared/corpus
corpus="$(cd "$corpus" && pwd)"
bin="$root/dist/server/lsp-glossary"
cache="$here/.cache"
out="$cache/results"
runs="${RUNS:-5}"
textlint_runs="${TEXTLINT_RUNS:-1}"
mkdir -p "$cache" "$out"

[ -x "$bin" ] || (cd "$root" && npm run build)
if [ ! -x /usr/bin/time ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; fi
if [ ! -x "$cache/node_modules/.bin/textlint" ]; then
  echo "installing textlint + textlint-rule-prh into $cache" >&2
  cp "$here/textlint-package.json" "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1)
fi

# The prh dictionary, from our glossary.
"$bin" export prh > "$cache/prh.yml"
cat > "$cache/.textlintrc.json" <<JSON
{ "rules": { "prh": { "rulePaths": ["$cache/prh.yml"] } } }
JSON

# measure NAME OUTFILE COMMAND...: runs the command in the corpus folder, keeps "wall_seconds peak_kb".
measure() {
  local name="$1" output="$2"; shift 2
  (cd "$corpus" && /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" > "$output" 2> "$out/$name.stderr") || true
  cat "$out/$name.time" | tail -1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

md_bytes=$(cd "$corpus" && find . -name '*.md' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
md_files=$(cd "$corpus" && find . -name '*.md' -type f | wc -l)
code_globs=('**/*.py' '**/*.go' '**/*.rs' '**/*.cs' '**/*.ts')
code_bytes=$(cd "$corpus" && find . -type f \( -name '*.py' -o -name '*.go' -o -name '*.rs' -o -name '*.cs' -o -name '*.ts' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
code_files=$(cd "$corpus" && find . -type f \( -name '*.py' -o -name '*.go' -o -name '*.rs' -o -name '*.cs' -o -name '*.ts' \) | wc -l)

echo "corpus: $corpus — $md_files Markdown files ($md_bytes bytes), $code_files code files ($code_bytes bytes); $(nproc) cores" >&2

# measure_runs NAME N OUTFILE COMMAND...: N runs; sets WALL (median) and RSS (largest peak, KB).
measure_runs() {
  local name="$1" n="$2" output="$3"; shift 3
  local wall rss; : > "$out/$name.walls"; RSS=0
  for _ in $(seq "$n"); do
    read -r wall rss < <(measure "$name" "$output" "$@")
    echo "$wall" >> "$out/$name.walls"; [ "$rss" -gt "$RSS" ] && RSS=$rss
  done
  WALL=$(median < "$out/$name.walls")
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
# Ours over the Markdown, then over the code files; textlint + prh over the same Markdown.
measure_runs ours-md "$runs" "$out/ours-md.json" "$bin" check --no-progress --format json '**/*.md'
ours_md_wall=$WALL; ours_md_rss=$RSS
measure_runs ours-code "$runs" "$out/ours-code.json" "$bin" check --no-progress --format json "${code_globs[@]}"
ours_code_wall=$WALL; ours_code_rss=$RSS
measure_runs textlint "$textlint_runs" "$out/textlint.json" "$cache/node_modules/.bin/textlint" --config "$cache/.textlintrc.json" --format json '**/*.md'
textlint_wall=$WALL; textlint_rss=$RSS

# ripgrep with a plain alternation of the listed variants: no Markdown awareness, for scale only.
rg_line=""
command -v rg >/dev/null 2>&1 || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1) || true
if command -v rg >/dev/null 2>&1; then
  alternation=$(node "$here/compare-findings.mjs" --variants "$cache/prh.yml")
  read -r rg_wall rg_rss < <(measure ripgrep "$out/ripgrep.txt" rg --no-config -c -g '*.md' -e "$alternation" .)
  rg_findings=$(awk -F: '{s += $NF} END {print s + 0}' "$out/ripgrep.txt")
  rg_line="$rg_wall $rg_rss $rg_findings"
fi

echo "load average (1 min) before the runs: $load_before, after: $(cut -d' ' -f1 /proc/loadavg); our wall times: $(tr '\n' ' ' < "$out/ours-md.walls")" >&2
node "$here/compare-findings.mjs" --report "$corpus" "$out" \
  "$md_files" "$md_bytes" "$code_files" "$code_bytes" \
  "$ours_md_wall" "$ours_md_rss" "$ours_code_wall" "$ours_code_rss" "$textlint_wall" "$textlint_rss" "$rg_line" \
  | tee "$out/report.md"

#!/usr/bin/env bash
# Latency and memory benchmark of the published server; rewrites docs/performance.md.
#   bash tests/benchmarks/run.sh            build if needed, run RUNS times (default 3), report the last run + spread
#   RUNS=1 bash tests/benchmarks/run.sh     one run
#   LSP_GLOSSARY_SERVER=/path/lsp-glossary bash tests/benchmarks/run.sh   benchmark that binary, no build
# The benchmark runs against a private copy of dist/server, so a concurrent `npm run build` (which deletes
# dist/server) cannot pull the binary away in the middle of a run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lsp-glossary-bench-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -z "${LSP_GLOSSARY_SERVER:-}" ]; then
  binary="$root/dist/server/lsp-glossary"
  stale=""
  if [ ! -x "$binary" ]; then
    stale="missing"
  elif [ -n "$(find server glossary -path '*/bin' -prune -o -path '*/obj' -prune -o -type f \
                \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.yaml' -o -name '*.sh' \) \
                -newer "$binary" -print -quit)" ]; then
    stale="older than its sources"
  fi
  if [ -n "$stale" ]; then
    echo "[bench] server binary $stale: npm run build" >&2
    npm run build --silent >&2
  fi
  cp -r "$root/dist/server" "$work/server"
  export LSP_GLOSSARY_SERVER="$work/server/lsp-glossary"
fi

mkdir -p docs
history="$work/history.jsonl"
for i in $(seq 1 "$runs"); do
  echo "[bench] run $i of $runs" >&2
  if [ "$i" -eq "$runs" ]; then
    timeout 900 node tests/benchmarks/server-latency.mjs --history "$history" --write-docs
  else
    timeout 900 node tests/benchmarks/server-latency.mjs --history "$history" >/dev/null
  fi
done

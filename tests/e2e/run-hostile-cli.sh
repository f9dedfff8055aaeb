#!/usr/bin/env bash
# Hostile files for `lsp-glossary check` (tests/e2e/hostile/cli-*.test.mjs): the published binary against FIFOs,
# device links, huge sparse files, changes and SIGKILL during --fix, owners, links, forged and non-UTF-8 names.
# Prints a reliability table (inputs tried, crashes, hangs, files damaged, peak RSS per class; also written to
# tests/.results/hostile-cli.md) and ends with one line: "N passed, N failed".
# The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup hostile-cli
export TMPDIR="$work" # every test folder lives under $work, removed on exit
export HOSTILE_RESULTS="$work/results.jsonl"
touch "$HOSTILE_RESULTS"

if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "server: $LSP_GLOSSARY_SERVER"

timeout 240 node --test --test-concurrency=1 --test-reporter=tap tests/e2e/hostile/cli-*.test.mjs >"$work/tap.txt" 2>&1
rc=$?
cat "$work/tap.txt"
passed=$(grep -E '^# pass [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^# fail [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^# skipped [0-9]+' "$work/tap.txt" | tail -1 | grep -oE '[0-9]+')
passed=${passed:-0}; failed=${failed:-0}
# A skipped test is not a pass: it counts as failed here (the owner test needs root).
if [ "${skipped:-0}" -gt 0 ]; then echo "$skipped test(s) skipped"; failed=$((failed + skipped)); fi
if [ "$rc" -eq 124 ]; then echo "node --test timed out after 240 s"; failed=$((failed + 1));
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "node --test exited with $rc"; failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran"; failed=1; fi

mkdir -p "$root/tests/.results"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
  const by = new Map();
  for (const r of rows) {
    const t = by.get(r.cls) ?? { inputs: 0, crashes: 0, hangs: 0, damaged: 0, peakKb: 0 };
    t.inputs += r.inputs; t.crashes += r.crashes; t.hangs += r.hangs; t.damaged += r.damaged; t.peakKb = Math.max(t.peakKb, r.peakKb);
    by.set(r.cls, t);
  }
  const lines = ["| class (check) | runs | crashes | hangs | files damaged | peak RSS |", "|---|---|---|---|---|---|"];
  for (const [cls, t] of by) lines.push(`| ${cls} | ${t.inputs} | ${t.crashes} | ${t.hangs} | ${t.damaged} | ${(t.peakKb / 1024).toFixed(1)} MB |`);
  console.log(lines.join("\n"));
' "$HOSTILE_RESULTS" | tee "$root/tests/.results/hostile-cli.md"
e2e_summary "$passed" "$failed"

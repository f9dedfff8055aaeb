#!/usr/bin/env bash
# `check --format rdjson` against reviewdog's Diagnostic Format: the report of a file with Chinese and English findings
# and of an unreadable path is validated by @umbrelladocs/rdformat-validator 1.0.1 (strict, no extra fields; installed
# with npm into $LSP_GLOSSARY_E2E_CACHE), and applying every suggestion by its UTF-8 byte columns, as reviewdog does,
# gives exactly what `check --fix` writes. reviewdog itself is not run (not packaged for this machine). Ends with
# one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup reviewdog
results="$work/results.txt"
touch "$results"
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
cache="${LSP_GLOSSARY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lsp-glossary-e2e}/rdformat-validator-1.0.1"
validator="$cache/node_modules/.bin/rdformat-validator"
if [ ! -x "$validator" ]; then
  mkdir -p "$cache"
  timeout 300 npm install --prefix "$cache" --no-audit --no-fund --silent @umbrelladocs/rdformat-validator@1.0.1 >"$work/npm.txt" 2>&1 \
    || { tail -5 "$work/npm.txt"; echo "could not install @umbrelladocs/rdformat-validator"; e2e_summary 0 1; }
fi

mkdir -p "$work/repo/docs"
cd "$work/repo" || exit 1
printf '# 笔记\n\n使用Lora微调，再做 RLHF；MOE 与 Qlora。\n\n𐐀 emoji first: Lora.\n' >docs/notes.md
printf '# a Qlora adapter\nx = "Lora"\n' >train.py
"$LSP_GLOSSARY_SERVER" check --no-progress --format rdjson docs train.py missing.md >"$work/report.json" 2>"$work/err.txt"
rc=$?
if [ "$rc" -eq 2 ] && node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$work/report.json"; then
  echo "PASS check --format rdjson writes JSON (exit 2: missing.md)" >>"$results"
else
  echo "FAIL check --format rdjson exited $rc: $(head -c 400 "$work/report.json"); $(tail -3 "$work/err.txt")" >>"$results"
fi
if "$validator" --strict --no-extra-fields "$work/report.json" >"$work/validator.txt" 2>&1; then
  echo "PASS rdformat-validator --strict --no-extra-fields accepts the report" >>"$results"
else
  echo "FAIL rdformat-validator: $(tail -15 "$work/validator.txt")" >>"$results"
fi

# reviewdog applies a suggestion to the bytes of its range: line from 1, column from 1 in UTF-8 bytes, end exclusive.
cp -r "$work/repo" "$work/fixed"
(cd "$work/fixed" && "$LSP_GLOSSARY_SERVER" check --no-progress --fix docs train.py >/dev/null 2>&1)
node - "$work/report.json" "$work/repo" "$work/fixed" >>"$results" <<'JS'
const fs = require("fs"), path = require("path");
const [report, repo, fixed] = process.argv.slice(2);
const byFile = new Map();
for (const d of JSON.parse(fs.readFileSync(report, "utf8")).diagnostics) {
  if (!d.suggestions) continue;
  for (const s of d.suggestions) (byFile.get(d.location.path) ?? byFile.set(d.location.path, []).get(d.location.path)).push(s);
}
let ok = byFile.size === 2;
for (const [file, suggestions] of byFile) {
  const lines = fs.readFileSync(path.join(repo, file)).toString("latin1").split("\n"); // bytes, one char each
  suggestions.sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.column - a.range.start.column);
  for (const s of suggestions) {
    const { start, end } = s.range;
    if (start.line !== end.line) { ok = false; continue; }
    const line = lines[start.line - 1];
    lines[start.line - 1] = line.slice(0, start.column - 1) + Buffer.from(s.text, "utf8").toString("latin1") + line.slice(end.column - 1);
  }
  const applied = Buffer.from(lines.join("\n"), "latin1");
  if (!applied.equals(fs.readFileSync(path.join(fixed, file)))) { ok = false; console.log(`FAIL suggestions applied to ${file}: ${applied.toString("utf8")}`); }
}
console.log(ok ? "PASS every suggestion, applied by UTF-8 byte columns, gives what check --fix writes" : "FAIL the suggestions do not give what check --fix writes");
JS
cat "$results"
e2e_finish "$results" 0 "the rdjson checks"

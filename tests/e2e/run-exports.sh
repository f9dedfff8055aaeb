#!/usr/bin/env bash
# `lsp-glossary export` against the tools that read its files: each export of the bundled glossary is given to its
# tool, run on tests/e2e/exports/notes.md (known wrong spellings, one-word, multi-word and Chinese, beside accepted ones),
# and what the tool flags is compared with what `lsp-glossary check` finds there:
#   cspell 9.8 (`cspell --config`; stdout and --out forms): exactly the one-word wrong spellings, with check's fixes;
#   textlint 15 + textlint-rule-prh 6 (export prh): exactly every wrong spelling, with check's fixes;
#   autocorrect 2.14 (autocorrect-node; export autocorrect, its spacing rules turned off): `autocorrect --fix` writes what
#     `check --fix` writes on tests/e2e/exports/spaced.md (autocorrect corrects only words between spaces);
#   Vale (not installable here): the folder's files are validated (YAML keys, every pattern RE2-compatible), and its
#     substitution rules are applied as Vale applies them.
# Also `check` on a notebook and its --fix. The npm tools are installed once into $LSP_GLOSSARY_E2E_CACHE (default
# ~/.cache/lsp-glossary-e2e)/exports-tools from tests/e2e/exports/tools-package.json. Ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup exports
results="$work/results.txt"
touch "$results"
here="$root/tests/e2e/exports"
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
if ! command -v node >/dev/null; then echo "node is not installed"; e2e_summary 0 1; fi
cache="${LSP_GLOSSARY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lsp-glossary-e2e}/exports-tools"
if ! cmp -s "$here/tools-package.json" "$cache/package.json" || [ ! -x "$cache/node_modules/.bin/cspell" ]; then
  echo "installing cspell, autocorrect-node, textlint + textlint-rule-prh into $cache"
  mkdir -p "$cache"
  cp "$here/tools-package.json" "$cache/package.json"
  (cd "$cache" && timeout 600 npm install --no-audit --no-fund --loglevel=error) >"$work/npm.txt" 2>&1 \
    || { tail -5 "$work/npm.txt"; echo "could not install the tools"; e2e_summary 0 1; }
fi
bin="$cache/node_modules/.bin"
yaml="$cache/node_modules/yaml"
compare() { node "$here/compare.mjs" "$@" >>"$results" 2>&1 || echo "FAIL compare.mjs $1 crashed" >>"$results"; }
echo "server: $LSP_GLOSSARY_SERVER; cspell $("$bin/cspell" --version), $("$bin/autocorrect" --version), textlint $("$bin/textlint" --version)"

cd "$work" || exit 1
cp "$here/notes.md" "$here/spaced.md" "$here/notebook.ipynb" .
"$LSP_GLOSSARY_SERVER" check --no-progress --format json notes.md >check.json 2>/dev/null
[ -s check.json ] || echo "FAIL check --format json notes.md wrote nothing" >>"$results"

# ---- cspell: one cspell.json on stdout, then the --out folder (config + dictionary file)
if "$LSP_GLOSSARY_SERVER" export cspell >cspell.json 2>"$work/err.txt" && node -e 'JSON.parse(require("fs").readFileSync("cspell.json", "utf8"))'; then
  echo "PASS export cspell writes JSON" >>"$results"
else
  echo "FAIL export cspell: $(tail -3 "$work/err.txt")" >>"$results"
fi
"$bin/cspell" --no-progress --no-summary --no-color --config cspell.json notes.md >cspell.txt 2>&1
rc=$?
[ "$rc" -eq 1 ] && echo "PASS cspell exits 1 on the wrong spellings" >>"$results" || echo "FAIL cspell exited $rc: $(tail -3 cspell.txt)" >>"$results"
compare cspell cspell.txt check.json notes.md "export cspell"
"$LSP_GLOSSARY_SERVER" export cspell --out cspell-out 2>/dev/null
"$bin/cspell" --no-progress --no-summary --no-color --config cspell-out/cspell.json notes.md >cspell-out.txt 2>&1
compare cspell cspell-out.txt check.json notes.md "export cspell --out (dictionary file)"
printf 'LoRA, QLoRA and MoE with PEFT; pip install peft and lora.\n' >clean.md
if "$bin/cspell" --no-progress --no-summary --no-color --config cspell.json clean.md >clean.txt 2>&1; then
  echo "PASS cspell passes accepted spellings and all-lower-case package names" >>"$results"
else
  echo "FAIL cspell on accepted spellings: $(head -5 clean.txt)" >>"$results"
fi

# ---- textlint + prh
"$LSP_GLOSSARY_SERVER" export prh --out prh-out 2>/dev/null
printf '{ "rules": { "prh": { "rulePaths": ["%s"] } } }\n' "$work/prh-out/prh.yml" >textlintrc.json
"$bin/textlint" --config textlintrc.json --format json notes.md >textlint.json 2>textlint.err
compare prh textlint.json check.json notes.md

# ---- autocorrect: --fix with the export's words (its spacing and punctuation rules off) against check --fix
mkdir -p ac && cd ac || exit 1
"$LSP_GLOSSARY_SERVER" export autocorrect --out . 2>/dev/null
if grep -q '^  spellcheck: 1$' .autocorrectrc && grep -q '^    - "LoRA"$' .autocorrectrc; then
  echo "PASS export autocorrect writes .autocorrectrc with spellcheck words" >>"$results"
else
  echo "FAIL export autocorrect: $(head -8 .autocorrectrc)" >>"$results"
fi
node "$here/compare.mjs" rules .autocorrectrc "$yaml"
cp ../spaced.md autocorrect.md; cp ../spaced.md check.md
"$bin/autocorrect" --lint autocorrect.md >lint.txt 2>&1
rc=$?
[ "$rc" -ne 0 ] && echo "PASS autocorrect --lint fails on the wrong spellings" >>"$results" || echo "FAIL autocorrect --lint exited 0: $(tail -3 lint.txt)" >>"$results"
"$bin/autocorrect" --fix autocorrect.md >/dev/null 2>&1
"$LSP_GLOSSARY_SERVER" check --fix check.md >/dev/null 2>&1
if ! cmp -s ../spaced.md check.md && cmp -s check.md autocorrect.md; then
  echo "PASS autocorrect --fix writes what check --fix writes ($(grep -c . ../spaced.md) lines)" >>"$results"
else
  echo "FAIL autocorrect --fix differs from check --fix: $(diff check.md autocorrect.md | head -8)" >>"$results"
fi
# The documented difference: autocorrect matches words in any case, so it corrects all-lower-case forms as well.
printf 'pip install peft and lora\n' >lower.md
"$bin/autocorrect" --fix lower.md >/dev/null 2>&1
if grep -q 'PEFT and LoRA' lower.md && "$LSP_GLOSSARY_SERVER" check lower.md >/dev/null 2>&1; then
  echo "PASS autocorrect also corrects all-lower-case forms, which check leaves alone (documented)" >>"$results"
else
  echo "FAIL the all-lower-case difference is not as documented: $(cat lower.md)" >>"$results"
fi
cd "$work" || exit 1

# ---- Vale: the folder, validated
if "$LSP_GLOSSARY_SERVER" export vale --out vale 2>"$work/err.txt"; then
  echo "PASS export vale --out writes the folder" >>"$results"
else
  echo "FAIL export vale: $(tail -3 "$work/err.txt")" >>"$results"
fi
compare vale vale check.json notes.md "$yaml"

# ---- a notebook: findings by cell; --fix leaves valid JSON, changed only in source lines
"$LSP_GLOSSARY_SERVER" check --no-progress notebook.ipynb >nb.txt 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q '^notebook.ipynb:cell 2:2:12: glossary.wrong-variant' nb.txt && ! grep -q 'cell 3:' nb.txt; then
  echo "PASS check reports a notebook's findings by cell (raw cells skipped)" >>"$results"
else
  echo "FAIL check on a notebook exited $rc: $(head -5 nb.txt)" >>"$results"
fi
cp notebook.ipynb fixed.ipynb
"$LSP_GLOSSARY_SERVER" check --fix fixed.ipynb >/dev/null 2>&1
same_but_sources=$(node -e '
const fs = require("fs");
const strip = (nb) => { for (const c of nb.cells) delete c.source; return JSON.stringify(nb); };
console.log(strip(JSON.parse(fs.readFileSync("notebook.ipynb", "utf8"))) === strip(JSON.parse(fs.readFileSync("fixed.ipynb", "utf8"))));' 2>&1)
if [ "$same_but_sources" = true ] && ! cmp -s notebook.ipynb fixed.ipynb && [ "$(diff notebook.ipynb fixed.ipynb | grep -c '^>')" -eq 5 ] \
  && "$LSP_GLOSSARY_SERVER" check fixed.ipynb >/dev/null 2>&1; then
  echo "PASS check --fix on a notebook: valid JSON, only the 5 source strings with findings changed, nothing left" >>"$results"
else
  echo "FAIL check --fix on a notebook ($same_but_sources): $(diff notebook.ipynb fixed.ipynb | head -10)" >>"$results"
fi

cat "$results"
e2e_finish "$results" 0 "the export checks"

#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml (id lsp-glossary, language: system) with Debian's pre-commit
# (installed with apt when missing): `pre-commit try-repo <this repository> lsp-glossary --all-files` in a temporary
# git repository, with the published binary on PATH as `lsp-glossary`. One wrong spelling: the hook fails and prints
# the finding; a file of another type is not passed to it; once fixed, it passes. Ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup pre-commit
results="$work/results.txt"
touch "$results"
command -v pre-commit >/dev/null || e2e_apt_install pre-commit
if ! command -v pre-commit >/dev/null; then echo "pre-commit is not installed (apt: pre-commit)"; e2e_summary 0 1; fi
if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
echo "$(pre-commit --version); server: $LSP_GLOSSARY_SERVER"

# `lsp-glossary` on PATH, as `dotnet tool install -g lsp-glossary` or a release archive would put it.
mkdir -p "$work/bin"
ln -s "$LSP_GLOSSARY_SERVER" "$work/bin/lsp-glossary"
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@example.invalid GIT_COMMITTER_NAME=e2e GIT_COMMITTER_EMAIL=e2e@example.invalid

repo="$work/repo"
mkdir -p "$repo/docs"
git -C "$repo" init -q
printf '# Notes\n\nWe fine-tune with Lora, then RLHF.\n' >"$repo/docs/notes.md"
printf '# a Qlora adapter\nx = 1\n' >"$repo/train.py"
printf 'Lora in a text file\n' >"$repo/notes.txt"
git -C "$repo" add -A

run_hook() {
  (cd "$repo" && timeout 300 pre-commit try-repo "$root" lsp-glossary --all-files --verbose) >"$work/out.txt" 2>&1
  rc=$?
  out="$(cat "$work/out.txt")"
}
check() { # $1 name, $2 condition (evaluated)
  if eval "$2"; then echo "PASS $1" >>"$results"; else echo "FAIL $1: exit $rc; $(tail -15 "$work/out.txt")" >>"$results"; fi
}

run_hook
cat "$work/out.txt"
check "pre-commit try-repo: the hook fails with the findings" \
  '[ "$rc" -eq 1 ] && grep -q "^docs/notes.md:3:19: glossary.wrong-variant: '"'Lora'"'" <<<"$out" && grep -q "^train.py:1:5: glossary.wrong-variant: '"'Qlora'"'" <<<"$out" && grep -q "lsp-glossary.*Failed" <<<"$out"'
check "a file of another type is not passed to the hook" 'grep -q "lsp-glossary.*Failed" <<<"$out" && ! grep -q "notes.txt" <<<"$out"'

sed -i 's/Lora/LoRA/' "$repo/docs/notes.md"
sed -i 's/Qlora/QLoRA/' "$repo/train.py"
git -C "$repo" add -A
run_hook
check "the fixed files pass" '[ "$rc" -eq 0 ] && grep -q "lsp-glossary.*Passed" <<<"$out"'

cat "$results"
e2e_finish "$results" 0 "the pre-commit checks"

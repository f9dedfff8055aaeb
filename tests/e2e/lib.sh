# Shared by the tests/e2e/run-*.sh suites (sourced, not run).

# Prints the suite's last line, "N passed, N failed", and exits non-zero when something failed.
e2e_summary() { echo "$1 passed, $2 failed"; [ "$2" -eq 0 ]; exit $?; }

# Installs the Debian packages among "$@" that are missing (as root, or with sudo without a password).
# The apt log goes to $E2E_APT_LOG (default /dev/null); on failure its tail is printed and 1 returned.
# E2E_APT_NO_RECOMMENDS=1 leaves out recommended packages.
e2e_apt_install() {
  local missing=() pkg sudo_="" log="${E2E_APT_LOG:-/dev/null}"
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "apt-get is missing: install ${missing[*]} by hand"; return 1; }
  echo "apt-get install ${missing[*]}"
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_="sudo -n"
  { timeout 300 $sudo_ apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive timeout 900 $sudo_ apt-get install -y -qq \
        ${E2E_APT_NO_RECOMMENDS:+--no-install-recommends} "${missing[@]}"; } >"$log" 2>&1 \
    || { tail -5 "$log" 2>/dev/null; echo "could not install ${missing[*]}"; return 1; }
}

# Starts a suite named $1: cd to the repo ($root), LSP_GLOSSARY_SERVER defaults to the published binary,
# and $work is a fresh folder removed on exit.
e2e_setup() {
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  cd "$root" || exit 1
  export LSP_GLOSSARY_SERVER="${LSP_GLOSSARY_SERVER:-$root/dist/server/lsp-glossary}"
  work="$(mktemp -d "${TMPDIR:-/tmp}/lsp-glossary-$1.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
}

# Ends a suite whose checks wrote "PASS name" / "FAIL name: why" lines to $1, after its runner ($3) exited
# with $2 (124: killed by timeout): prints the summary line and exits.
e2e_finish() {
  local results=$1 rc=$2 runner=$3 passed failed
  touch "$results"
  passed=$(grep -c '^PASS ' "$results")
  failed=$(grep -c '^FAIL ' "$results")
  if [ "$rc" -eq 124 ]; then echo "$runner timed out"; failed=$((failed + 1));
  elif [ "$rc" -ne 0 ]; then echo "$runner exited with $rc"; failed=$((failed + 1)); fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no check ran"; failed=1; fi
  e2e_summary "$passed" "$failed"
}

# Runs node:test files ("$@") under a timeout of $1 seconds with the TAP reporter, prints the report and ends the
# suite with its summary line. Needs node and the server binary. --test-force-exit: with a slow server (qemu, Wine)
# the runner sometimes never exits after its last test.
e2e_node_tests() {
  local limit=$1 rc; shift
  if ! command -v node >/dev/null; then echo "node is not installed"; e2e_summary 0 1; fi
  if [ ! -x "$LSP_GLOSSARY_SERVER" ]; then echo "no executable server at $LSP_GLOSSARY_SERVER"; e2e_summary 0 1; fi
  echo "server: $LSP_GLOSSARY_SERVER"
  timeout "$limit" node --test --test-force-exit --test-reporter=tap "$@" >"$work/tap.txt" 2>&1
  rc=$?
  cat "$work/tap.txt"
  e2e_tap_summary "$work/tap.txt" "$rc"
}

# Ends a suite that ran node --test with the TAP reporter into $1, which exited with $2 (124: killed by timeout):
# prints the summary line and exits.
e2e_tap_summary() {
  local tap=$1 rc=$2 passed failed
  passed=$(grep -E '^# pass [0-9]+' "$tap" | tail -1 | grep -oE '[0-9]+')
  failed=$(grep -E '^# fail [0-9]+' "$tap" | tail -1 | grep -oE '[0-9]+')
  passed=${passed:-0}; failed=${failed:-0}
  if [ "$rc" -eq 124 ]; then echo "node --test timed out"; failed=$((failed + 1));
  elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "node --test exited with $rc"; failed=1; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran"; failed=1; fi
  e2e_summary "$passed" "$failed"
}

# Finds Wine and makes its prefix once in $LSP_GLOSSARY_E2E_CACHE (default ~/.cache/lsp-glossary-e2e): exports
# WINE64, WINEPREFIX and WINEDEBUG. Returns 1 when Wine is not installed (apt: wine wine64), 2 when the prefix fails.
e2e_wine_setup() {
  local cache="${LSP_GLOSSARY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lsp-glossary-e2e}"
  WINE64="$(command -v wine64 || true)"
  [ -z "$WINE64" ] && [ -x /usr/lib/wine/wine64 ] && WINE64=/usr/lib/wine/wine64 # Debian keeps it off PATH
  [ -n "$WINE64" ] || return 1
  export WINE64 WINEPREFIX="$cache/wine-prefix" WINEDEBUG=-all
  [ -f "$WINEPREFIX/system.reg" ] && return 0
  echo "making the Wine prefix $WINEPREFIX"
  mkdir -p "$cache"
  "$WINE64" wineboot --init >"$cache/wineboot.log" 2>&1 || { tail -5 "$cache/wineboot.log"; return 2; }
}


# Writes $work/lsp-glossary-logged, a wrapper of $LSP_GLOSSARY_SERVER for an editor to start: it records the server's
# pid ($work/server.pid), everything the editor sends ($work/client-in.log) and everything the server answers
# ($work/server-out.log). Prints the wrapper's path.
e2e_logging_wrapper() {
  cat >"$work/lsp-glossary-logged" <<WRAPPER
#!/usr/bin/env bash
echo \$\$ >"$work/server.pid"
exec "$LSP_GLOSSARY_SERVER" "\$@" < <(tee -a "$work/client-in.log") > >(tee -a "$work/server-out.log")
WRAPPER
  chmod +x "$work/lsp-glossary-logged"
  echo "$work/lsp-glossary-logged"
}

# Appends to results file $2 whether the capability set of client $1 in tests/e2e/conformance/clients.mjs is what
# the editor sent (its first initialize request in $work/client-in.log).
e2e_compare_capabilities() {
  node tests/e2e/conformance/compare-capabilities.mjs "$1" "$work/client-in.log" >>"$2"
}

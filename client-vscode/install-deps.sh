#!/usr/bin/env bash
# Installs the npm packages (npm ci) when node_modules is missing or older than package-lock.json, so that
# `npm run build` and `npm test` (whose pre-scripts run this) work on a fresh clone with no step before them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm ci (node_modules is missing or older than package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' || true
  [ -f node_modules/.package-lock.json ] || { echo "npm ci failed" >&2; exit 1; }
fi

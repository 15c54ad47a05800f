#!/usr/bin/env bash
# Installs the npm dependencies (which bring Node 24 as the `node` package) when the lockfile changed
# since the last install. Runs on whatever Node the machine has; idempotent and instant when current.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.qinglian-install-stamp
want=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/node ]; then
  exit 0
fi

echo "Installing npm dependencies (Node 24 comes with them)…" >&2
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
major=$(node_modules/.bin/node -p 'process.versions.node.split(".")[0]')
if [ "$major" != "24" ]; then
  echo "Expected Node 24 from the node package, found $(node_modules/.bin/node --version)." >&2
  exit 1
fi
echo "$want" > "$stamp"

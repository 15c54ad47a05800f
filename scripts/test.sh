#!/usr/bin/env bash
# Runs one test tier (unit, http, integration, workflows, e2e, browser, replay, faults) or all of them.
# Provisions what the tiers need: npm dependencies (Node 24), the Temporal CLI, SeaweedFS, the compiled apps and
# console, Chromium with CJK fonts (Debian's packages).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tier="${1:-all}"
shift || true
bash scripts/ensure-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"

case "$tier" in
  unit) projects=(unit) ;;
  http) projects=(http) ;;
  integration) projects=(integration) ;;
  workflows) projects=(workflows) ;;
  e2e) projects=(e2e) ;;
  browser) projects=(browser) ;;
  replay) projects=(replay) ;;
  faults) projects=(faults) ;;
  all) projects=(unit http integration workflows e2e browser replay faults) ;;
  *) echo "unknown tier '$tier' (unit, http, integration, workflows, e2e, browser, replay, faults, all)" >&2; exit 2 ;;
esac

if [[ " ${projects[*]} " =~ \ (workflows|e2e|browser|replay|faults)\  ]]; then
  TEMPORAL_CLI_PATH=$(bash scripts/temporal-cli.sh)
  export TEMPORAL_CLI_PATH
fi
# The Temporal server itself: the e2e tier starts one; the fault tier runs on it in the production shape.
if [[ " ${projects[*]} " =~ \ e2e\  ]] || [ "${FAULTS_SHAPE:-}" = production ]; then
  TEMPORAL_SERVER_DIR=$(bash scripts/temporal-server.sh)
  export TEMPORAL_SERVER_DIR
fi
if [ "${FAULTS_SHAPE:-}" = production ]; then
  HAPROXY_PATH=$(bash scripts/ensure-haproxy.sh)
  export HAPROXY_PATH
fi
if [[ " ${projects[*]} " =~ \ (integration|e2e)\  ]]; then
  SEAWEEDFS_PATH=$(bash scripts/seaweedfs.sh)
  export SEAWEEDFS_PATH
fi
if [[ " ${projects[*]} " =~ \ (e2e|browser|faults)\  ]]; then
  npm run build --silent
fi
if [[ " ${projects[*]} " =~ \ browser\  ]]; then
  BROWSER_PATH=$(bash scripts/ensure-browser.sh)
  export BROWSER_PATH
fi

# Two test files at a time (two cores), unless the caller says otherwise (--runInBand, --maxWorkers).
workers=(--maxWorkers=2)
[[ " $* " =~ \ (--runInBand|-i|--maxWorkers(=[0-9]+)?)\  ]] && workers=()
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --selectProjects "${projects[@]}" "${workers[@]}" "$@"

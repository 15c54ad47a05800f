#!/usr/bin/env bash
# npm run test:production-shape: the tests against the production shape of Temporal instead of the dev server.
# Builds (once) the Temporal server 1.29.1 that the compose file runs, starts one on the local PostgreSQL
# (127.0.0.1:5432, or TEST_POSTGRES_URL) with databases of its own (temporal_<random>, temporal_<random>_visibility),
# the namespace `default` and the case search attributes, and runs the tests against it (TEST_TEMPORAL_ADDRESS:
# test/support/temporal.ts then shares that server instead of starting dev servers). The server is stopped and its
# databases dropped at the end, whatever happened; then the fault tier in the production shape (below). Extra
# arguments go to Jest for the lifecycle run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
TEMPORAL_SERVER_DIR=$(bash scripts/temporal-server.sh)
export TEMPORAL_SERVER_DIR

# Its one line of stdout is the frontend's address, once the namespace is ready; SIGTERM stops it and drops the databases.
coproc SERVER {
  exec node --no-warnings --conditions=qinglian-source --import ./test/support/swc-hooks.ts test/support/temporal-server.process.ts
}
server_pid=$SERVER_PID
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
if ! read -r address <&"${SERVER[0]}"; then
  echo "The Temporal server did not start (see above)." >&2
  exit 1
fi
export TEST_TEMPORAL_ADDRESS="$address"
echo "Tests against the Temporal server at $TEST_TEMPORAL_ADDRESS" >&2

status=0
bash scripts/test.sh e2e test/e2e/lifecycle.e2e.spec.ts "$@" || status=$?
# The fault tier in the production shape (FAULTS_SHAPE=production): each run starts a Temporal server of its own on
# PostgreSQL (the temporal-restart run restarts it), two workers, and two apis behind HAProxy (deploy/haproxy.cfg),
# the app on PostgreSQL; one run at a time. Runs after the lifecycle whatever that gave.
FAULTS_SHAPE=production bash scripts/test.sh faults --runInBand || status=$?
exit "$status"

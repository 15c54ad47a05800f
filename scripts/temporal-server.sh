#!/usr/bin/env bash
# Prints the path of a folder holding the Temporal server of the pinned version as production runs it
# (temporalio/server image): `temporal-server`, `temporal-sql-tool` and the server's `schema/` folder.
# Order: $TEMPORAL_SERVER_DIR; a cached folder (.tools/ in the repo, then the user's cache); otherwise build both
# binaries with Go from the module proxy into the user's cache. Progress goes to stderr.
set -euo pipefail

version="v1.29.1"
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/qinglian/temporal-server/$version"
candidates=("$repo_root/.tools/temporal-server/$version" "$cache_dir")

# shellcheck source=lib/cached-tool.sh
source "$repo_root/scripts/lib/cached-tool.sh"

# A complete folder of the pinned version (the server reports its own version; the sql tool has none).
is_pinned_server() {
  [ -x "$1/temporal-server" ] && [ -x "$1/temporal-sql-tool" ] &&
    [ -d "$1/schema/postgresql/v12/temporal/versioned" ] && [ -d "$1/schema/postgresql/v12/visibility/versioned" ] &&
    "$1/temporal-server" --version 2>/dev/null | grep -q " ${version#v}$"
}

if [ -n "${TEMPORAL_SERVER_DIR:-}" ]; then
  if is_pinned_server "$TEMPORAL_SERVER_DIR"; then
    printf '%s\n' "$TEMPORAL_SERVER_DIR"
    exit 0
  fi
  say "TEMPORAL_SERVER_DIR=$TEMPORAL_SERVER_DIR does not hold temporal-server $version, temporal-sql-tool and schema/."
  exit 1
fi
print_if_cached is_pinned_server "${candidates[@]}"
find_go "The Temporal server $version" \
  "install Go (https://go.dev/dl/) and rerun: the server is built with
      go install go.temporal.io/server/cmd/server@$version go.temporal.io/server/cmd/tools/sql@$version" \
  "or set TEMPORAL_SERVER_DIR to a folder with temporal-server, temporal-sql-tool and the release's schema/"
# The folder is the unit built: its parent holds the build lock and the staging folder.
build_once "${cache_dir%/*}" is_pinned_server "$version"

say "Building the Temporal server $version with $("$go_bin" version | cut -d' ' -f3) (first time only; a few minutes on 2 cores)…"
staging=$(mktemp -d "${cache_dir%/*}/.staging.XXXXXX")
chmod 755 "$staging"
trap 'rm -rf "$staging"' EXIT
started=$(date +%s)
if ! GOBIN="$staging" "$go_bin" install -v "go.temporal.io/server/cmd/server@$version" "go.temporal.io/server/cmd/tools/sql@$version" 2>&1 |
  count_progress 100 "$started"; then
  say "go install failed; run 'go install -v go.temporal.io/server/cmd/server@$version' to see why."
  exit 1
fi
mv "$staging/server" "$staging/temporal-server"
mv "$staging/sql" "$staging/temporal-sql-tool"
# The schema comes with the module's source (read-only in the module cache).
module_dir="$("$go_bin" env GOMODCACHE)/go.temporal.io/server@$version"
cp -R "$module_dir/schema" "$staging/schema"
chmod -R u+w "$staging/schema"
rm -rf "$cache_dir"
mv "$staging" "$cache_dir"
say "Temporal server $version ready in $(($(date +%s) - started))s: $cache_dir"
printf '%s\n' "$cache_dir"

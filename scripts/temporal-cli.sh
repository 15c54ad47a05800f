#!/usr/bin/env bash
# Prints the path of a Temporal CLI binary of the pinned version (the CLI contains the dev server).
# Order: $TEMPORAL_CLI_PATH; a cached binary (.tools/ in the repo, then the user's cache);
# otherwise build it with Go from the module proxy into the user's cache. Progress goes to stderr.
set -euo pipefail

version="v1.5.1"
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/qinglian/temporal-cli/$version"
candidates=("$repo_root/.tools/temporal-cli/$version/temporal" "$cache_dir/temporal")

# shellcheck source=lib/cached-tool.sh
source "$repo_root/scripts/lib/cached-tool.sh"

# The folder names the version (a binary built by `go install` reports itself as 0.0.0-DEV).
is_pinned_cli() {
  [ -x "$1" ] && "$1" --version 2>/dev/null | grep -q "Server 1.29.1"
}

print_if_given TEMPORAL_CLI_PATH
print_if_cached is_pinned_cli "${candidates[@]}"
find_go "The Temporal CLI $version" \
  "install Go (https://go.dev/dl/) and rerun: the CLI is built with
      go install github.com/temporalio/cli/cmd/temporal@$version" \
  "or download the CLI $version release and set TEMPORAL_CLI_PATH=/path/to/temporal"
build_once "$cache_dir" is_pinned_cli temporal

say "Building the Temporal CLI $version with $("$go_bin" version | cut -d' ' -f3) (first time only; several minutes on 2 cores)…"
staging=$(mktemp -d "$cache_dir/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
started=$(date +%s)
if ! GOBIN="$staging" "$go_bin" install -v "github.com/temporalio/cli/cmd/temporal@$version" 2>&1 | count_progress 50 "$started"; then
  say "go install failed; run 'go install -v github.com/temporalio/cli/cmd/temporal@$version' to see why."
  exit 1
fi
mv "$staging/temporal" "$cache_dir/temporal"
say "Temporal CLI $version ready in $(( $(date +%s) - started ))s: $cache_dir/temporal"
printf '%s\n' "$cache_dir/temporal"

#!/usr/bin/env bash
# Prints the path of a Temporal CLI binary of the pinned version (the CLI contains the dev server).
# Order: $TEMPORAL_CLI_PATH; a cached binary (.tools/ in the repo, then the user's cache);
# otherwise build it with Go from the module proxy into the user's cache. Progress goes to stderr.
set -euo pipefail

version="v1.5.1"
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/qinglian/temporal-cli/$version"
candidates=("$repo_root/.tools/temporal-cli/$version/temporal" "$cache_dir/temporal")

say() { printf '%s\n' "$*" >&2; }

# The folder names the version (a binary built by `go install` reports itself as 0.0.0-DEV).
is_pinned_cli() {
  [ -x "$1" ] && "$1" --version 2>/dev/null | grep -q "Server 1.29.1"
}

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  if [ -x "$TEMPORAL_CLI_PATH" ]; then
    printf '%s\n' "$TEMPORAL_CLI_PATH"
    exit 0
  fi
  say "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file."
  exit 1
fi

for candidate in "${candidates[@]}"; do
  if is_pinned_cli "$candidate"; then
    printf '%s\n' "$candidate"
    exit 0
  fi
done

go_bin=$(command -v go || true)
[ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go
if [ -z "$go_bin" ]; then
  say "The Temporal CLI $version was not found and Go is not installed to build it."
  say "Install it in one of these ways, then run again:"
  say "  • install Go (https://go.dev/dl/) and rerun: the CLI is built with"
  say "      go install github.com/temporalio/cli/cmd/temporal@$version"
  say "  • or download the CLI $version release and set TEMPORAL_CLI_PATH=/path/to/temporal"
  exit 1
fi

mkdir -p "$cache_dir"
# One build at a time: a second caller waits for the first and then finds the binary.
exec 9>"$cache_dir/.build.lock"
flock 9
if is_pinned_cli "$cache_dir/temporal"; then
  printf '%s\n' "$cache_dir/temporal"
  exit 0
fi

say "Building the Temporal CLI $version with $("$go_bin" version | cut -d' ' -f3) (first time only; several minutes on 2 cores)…"
staging=$(mktemp -d "$cache_dir/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
started=$(date +%s)
if ! GOBIN="$staging" "$go_bin" install -v "github.com/temporalio/cli/cmd/temporal@$version" 2>&1 | {
  n=0
  while IFS= read -r _; do
    n=$((n + 1))
    if (( n % 50 == 0 )); then say "  … $n packages compiled ($(( $(date +%s) - started ))s)"; fi
  done
}; then
  say "go install failed; run 'go install -v github.com/temporalio/cli/cmd/temporal@$version' to see why."
  exit 1
fi
mv "$staging/temporal" "$cache_dir/temporal"
say "Temporal CLI $version ready in $(( $(date +%s) - started ))s: $cache_dir/temporal"
printf '%s\n' "$cache_dir/temporal"

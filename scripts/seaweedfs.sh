#!/usr/bin/env bash
# Prints the path of a SeaweedFS `weed` binary of the pinned version (the S3-compatible store the tests use).
# Order: $SEAWEEDFS_PATH; a cached binary (.tools/ in the repo, then the user's cache);
# otherwise build it with Go from the module proxy into the user's cache. Progress goes to stderr.
set -euo pipefail

module="github.com/seaweedfs/seaweedfs"
version="v0.0.0-20261109003541-7506e5f91cd6"
commit="${version##*-}"
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/qinglian/seaweedfs/$version"
candidates=("$repo_root/.tools/seaweedfs/$version/weed" "$cache_dir/weed")

say() { printf '%s\n' "$*" >&2; }

# A module build reports only the release number (4.53) unless the commit is stamped in at link time.
is_pinned_weed() {
  [ -x "$1" ] && "$1" version 2>/dev/null | grep -q " $commit"
}

if [ -n "${SEAWEEDFS_PATH:-}" ]; then
  if [ -x "$SEAWEEDFS_PATH" ]; then
    printf '%s\n' "$SEAWEEDFS_PATH"
    exit 0
  fi
  say "SEAWEEDFS_PATH=$SEAWEEDFS_PATH is not an executable file."
  exit 1
fi

for candidate in "${candidates[@]}"; do
  if is_pinned_weed "$candidate"; then
    printf '%s\n' "$candidate"
    exit 0
  fi
done

go_bin=$(command -v go || true)
[ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go
if [ -z "$go_bin" ]; then
  say "SeaweedFS $version was not found and Go is not installed to build it."
  say "Install it in one of these ways, then run again:"
  say "  • install Go 1.26.6 or newer (https://go.dev/dl/) and rerun: SeaweedFS is built from the module proxy"
  say "  • or download a SeaweedFS 4.53 release (weed binary) and set SEAWEEDFS_PATH=/path/to/weed"
  exit 1
fi

mkdir -p "$cache_dir"
# One build at a time: a second caller waits for the first and then finds the binary.
exec 9>"$cache_dir/.build.lock"
flock 9
if is_pinned_weed "$cache_dir/weed"; then
  printf '%s\n' "$cache_dir/weed"
  exit 0
fi

say "Building SeaweedFS $version with $("$go_bin" version | cut -d' ' -f3) (first time only; about 5 minutes on 2 cores)…"
staging=$(mktemp -d "$cache_dir/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
started=$(date +%s)

# `go install module@version` refuses modules whose go.mod has a replace directive, and SeaweedFS's has one
# (go-bip39, deleted upstream); a wrapper module that repeats the replace builds it instead.
cat >"$staging/go.mod" <<EOF
module qinglian.local/seaweedfs-build

go 1.26

require $module $version

replace github.com/tyler-smith/go-bip39 => github.com/cosmos/go-bip39 v1.0.0
EOF
cat >"$staging/tools.go" <<EOF
//go:build tools

package tools

import _ "$module/weed"
EOF

say "  resolving modules (about a minute when the module cache is cold)…"
if ! (cd "$staging" && "$go_bin" mod tidy >"$staging/tidy.log" 2>&1); then
  cat "$staging/tidy.log" >&2
  say "go mod tidy failed for $module $version (is the Go module proxy reachable? GOPROXY=$("$go_bin" env GOPROXY))."
  exit 1
fi
say "  modules resolved ($(( $(date +%s) - started ))s); compiling…"

if ! (cd "$staging" && "$go_bin" build -v -trimpath \
  -ldflags "-s -w -X $module/weed/util/version.COMMIT=$commit" \
  -o weed "$module/weed" 2>&1 | tee "$staging/build.log" | {
    n=0
    while IFS= read -r _; do
      n=$((n + 1))
      if (( n % 200 == 0 )); then say "  … $n packages compiled ($(( $(date +%s) - started ))s)"; fi
    done
  }); then
  tail -n 40 "$staging/build.log" >&2
  say "go build of $module/weed failed (last lines above)."
  exit 1
fi
if ! is_pinned_weed "$staging/weed"; then
  say "The built binary does not report commit $commit: $("$staging/weed" version 2>&1 || true)"
  exit 1
fi
mv "$staging/weed" "$cache_dir/weed"
say "SeaweedFS $version ready in $(( $(date +%s) - started ))s ($(du -h "$cache_dir/weed" | cut -f1)): $cache_dir/weed"
printf '%s\n' "$cache_dir/weed"

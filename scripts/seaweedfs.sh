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

# shellcheck source=lib/cached-tool.sh
source "$repo_root/scripts/lib/cached-tool.sh"

# A module build reports only the release number (4.53) unless the commit is stamped in at link time.
is_pinned_weed() {
  [ -x "$1" ] && "$1" version 2>/dev/null | grep -q " $commit"
}

print_if_given SEAWEEDFS_PATH
print_if_cached is_pinned_weed "${candidates[@]}"
find_go "SeaweedFS $version" \
  "install Go 1.26.6 or newer (https://go.dev/dl/) and rerun: SeaweedFS is built from the module proxy" \
  "or download a SeaweedFS 4.53 release (weed binary) and set SEAWEEDFS_PATH=/path/to/weed"
build_once "$cache_dir" is_pinned_weed weed

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
  -o weed "$module/weed" 2>&1 | tee "$staging/build.log" | count_progress 200 "$started"); then
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

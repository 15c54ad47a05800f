# Shared by the scripts that provide a pinned binary built with Go (temporal-cli.sh, seaweedfs.sh): each prints
# the binary's path on stdout and talks on stderr. Source it, then call the functions in order.

say() { printf '%s\n' "$*" >&2; }

# print_if_given VAR: the binary named by $VAR, when set (an error when it is not executable).
print_if_given() {
  local given="${!1:-}"
  [ -z "$given" ] && return 0
  if [ -x "$given" ]; then
    printf '%s\n' "$given"
    exit 0
  fi
  say "$1=$given is not an executable file."
  exit 1
}

# print_if_cached CHECK PATH...: the first PATH that CHECK accepts (the pinned version), if any.
print_if_cached() {
  local check="$1" candidate
  shift
  for candidate in "$@"; do
    if "$check" "$candidate"; then
      printf '%s\n' "$candidate"
      exit 0
    fi
  done
}

# find_go WHAT HINT...: sets go_bin, or explains how else to get WHAT and exits.
find_go() {
  local what="$1"
  shift
  go_bin=$(command -v go || true)
  [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go
  [ -n "$go_bin" ] && return 0
  say "$what was not found and Go is not installed to build it."
  say "Install it in one of these ways, then run again:"
  local hint
  for hint in "$@"; do say "  • $hint"; done
  exit 1
}

# build_once CACHE_DIR CHECK BINARY: one build at a time; a caller that waited finds the binary built.
build_once() {
  mkdir -p "$1"
  exec 9>"$1/.build.lock"
  flock 9
  print_if_cached "$2" "$1/$3"
}

# count_progress EVERY STARTED: reads build output lines, saying every EVERY lines how many packages are compiled.
count_progress() {
  local n=0
  while IFS= read -r _; do
    n=$((n + 1))
    if ((n % $1 == 0)); then say "  … $n packages compiled ($(($(date +%s) - $2))s)"; fi
  done
}

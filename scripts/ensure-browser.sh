#!/usr/bin/env bash
# Prints the path of the Chromium the browser tier drives (scripts/test.sh exports it as BROWSER_PATH).
# No browser downloads: Debian's `chromium`, and `fonts-noto-cjk` (without it Chinese renders as boxes), installed
# with apt-get when either is missing; instant when both are there. $BROWSER_PATH names another build to use.
# Progress and notes go to stderr; it fails only when no browser is there after installing.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '%s\n' "$*" >&2; }

browser="${BROWSER_PATH:-}"
if [ -n "$browser" ] && [ ! -x "$browser" ]; then
  say "BROWSER_PATH=$browser is not an executable file."
  exit 1
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
find_chromium() { command -v chromium || { [ -x /usr/bin/chromium ] && printf '%s\n' /usr/bin/chromium; } || true; }

missing=()
[ -z "$browser" ] && [ -z "$(find_chromium)" ] && missing+=(chromium)
command -v dpkg-query >/dev/null && ! installed fonts-noto-cjk && missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "Missing ${missing[*]} and apt-get is not here: install Chromium and a CJK font (Noto Sans CJK) with this"
    say "system's package manager, or set BROWSER_PATH=/path/to/chromium."
  else
    sudo=()
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null; then sudo=(sudo); else say "Installing ${missing[*]} needs root (or sudo)."; fi
    fi
    say "Installing ${missing[*]} with apt-get (Debian's packages; about a minute)…"
    export DEBIAN_FRONTEND=noninteractive
    if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2; then
      say "apt-get could not install ${missing[*]}."
    fi
  fi
fi

[ -z "$browser" ] && browser=$(find_chromium)
if [ -z "$browser" ]; then
  say "No Chromium to drive: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set BROWSER_PATH."
  exit 1
fi
if [ ${#missing[@]} -gt 0 ] && command -v dpkg-query >/dev/null && ! installed fonts-noto-cjk; then
  say "fonts-noto-cjk is still missing: screenshots will show Chinese as boxes."
fi

# Each playwright-core release is built against one Chromium major; a Debian build may lag or lead it by a few.
found=$("$browser" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+){1,3}' | head -n1 | cut -d. -f1 || true)
browsers_json="$repo_root/node_modules/playwright-core/browsers.json"
driver=$(sed -n 's/^ *"version": "\([^"]*\)".*/\1/p' "$repo_root/node_modules/playwright-core/package.json" 2>/dev/null | head -n1)
targets=""
if [ -f "$browsers_json" ]; then
  # The browserVersion of the first entry named "chromium".
  targets=$(awk '/"name": "chromium"/ { hit = 1 } hit && /"browserVersion"/ { gsub(/[^0-9.]/, "", $2); print $2; exit }' "$browsers_json" | cut -d. -f1)
fi
if [ -z "$found" ]; then
  say "Note: could not read the version of $browser."
elif [ -n "$targets" ] && [ "$found" != "$targets" ]; then
  say "Note: $browser is Chromium $found; playwright-core ${driver:-?} targets Chromium $targets. The tests drive it"
  say "  through the stable Chrome DevTools Protocol, which has worked across such a gap (Chromium 156 with"
  say "  playwright-core 1.65.1, built for 159, checked on 2026-11-30). If the browser tier fails to launch or drive the"
  say "  page, pin the playwright-core release for Chromium $found, or install that Chromium and set BROWSER_PATH."
fi

printf '%s\n' "$browser"

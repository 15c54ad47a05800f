#!/usr/bin/env bash
# Prints the path of HAProxy, the load balancer in front of the api replicas (docker compose's `proxy`, and the
# production shape run here: npm run test:production-shape). Debian's haproxy, installed with apt-get when missing;
# instant when there. $HAPROXY_PATH names another build to use. Progress goes to stderr.
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }

if [ -n "${HAPROXY_PATH:-}" ]; then
  [ -x "$HAPROXY_PATH" ] || { say "HAPROXY_PATH=$HAPROXY_PATH is not an executable file."; exit 1; }
  printf '%s\n' "$HAPROXY_PATH"
  exit 0
fi

find_haproxy() { command -v haproxy || { [ -x /usr/sbin/haproxy ] && printf '%s\n' /usr/sbin/haproxy; } || true; }

if [ -z "$(find_haproxy)" ]; then
  if ! command -v apt-get >/dev/null; then
    say "HAProxy is missing and apt-get is not here: install haproxy (2.6 or later) or set HAPROXY_PATH."
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else say "Installing haproxy needs root (or sudo)."; fi
  fi
  say "Installing haproxy with apt-get (Debian's package; seconds)…"
  export DEBIAN_FRONTEND=noninteractive
  # Only the binary is used: the tests run their own instances with configurations of their own.
  { "${sudo[@]}" apt-get update -qq && RUNLEVEL=1 "${sudo[@]}" apt-get install -y -qq --no-install-recommends haproxy; } >&2 ||
    say "apt-get could not install haproxy."
fi

haproxy=$(find_haproxy)
if [ -z "$haproxy" ]; then
  say "No HAProxy: install Debian's haproxy (apt-get install haproxy) or set HAPROXY_PATH."
  exit 1
fi
printf '%s\n' "$haproxy"

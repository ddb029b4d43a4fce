#!/usr/bin/env bash
# Runs the local Keycloak (dev mode, realm "writ") for ./run.sh and for the Maven integration tests.
#
#   scripts/keycloak.sh start|stop|status|wait
#
# Environment:
#   KC_HOME            unpacked keycloak-quarkus-dist (required), e.g. target/keycloak/keycloak-26.4.7
#   KC_PORT            HTTP port, bound to 127.0.0.1 (default 8180)
#   KC_DATA            H2 database, log and pid file (default ./data/keycloak)
#   KC_REALM_FILE      realm to import on first start (default <repo>/keycloak/realm-writ.json)
#   KC_ADMIN, KC_ADMIN_PASSWORD   master-realm admin created on first start (default admin/admin)
#   KC_WAIT_SECONDS    how long start/wait wait for readiness (default 180)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KC_PORT="${KC_PORT:-8180}"
KC_DATA="${KC_DATA:-./data/keycloak}"
KC_REALM_FILE="${KC_REALM_FILE:-$REPO/keycloak/realm-writ.json}"
KC_ADMIN="${KC_ADMIN:-admin}"
KC_ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}"
KC_WAIT_SECONDS="${KC_WAIT_SECONDS:-180}"

# H2 refuses relative file paths, and the server runs with another working directory: go absolute.
[[ "$KC_DATA" == /* ]] || KC_DATA="$PWD/${KC_DATA#./}"
LOG="$KC_DATA/keycloak.log"
PID_FILE="$KC_DATA/keycloak.pid"
READY_URL="http://localhost:$KC_PORT/realms/writ/.well-known/openid-configuration"

die() { echo "keycloak.sh: $*" >&2; exit 1; }

ready() { curl -fsS -o /dev/null --max-time 2 "$READY_URL" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KC_PORT") 2>/dev/null; }

# The pid in the pid file, if that process is still alive.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A stale pid file may name a recycled pid: only claim kc.sh or Keycloak's java.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE 'kc\.sh|QuarkusEntryPoint' || return 1
  echo "$pid"
}

wait_ready() {
  local deadline=$((SECONDS + KC_WAIT_SECONDS))
  until ready; do
    if ((SECONDS >= deadline)); then
      echo "keycloak.sh: Keycloak not ready at $READY_URL after ${KC_WAIT_SECONDS}s; log tail ($LOG):" >&2
      tail -n 40 "$LOG" >&2 2>/dev/null || true
      exit 1
    fi
    # A server we started that died will never answer: fail now, not after the timeout.
    if [[ -f "$PID_FILE" ]] && ! running_pid >/dev/null; then
      echo "keycloak.sh: Keycloak exited during startup; log tail ($LOG):" >&2
      tail -n 40 "$LOG" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 1
  done
  echo "Keycloak ready at http://localhost:$KC_PORT/ (realm writ)"
}

start() {
  if ready; then echo "Keycloak already running on port $KC_PORT"; return 0; fi
  if running_pid >/dev/null; then echo "Keycloak is starting (pid $(cat "$PID_FILE"))"; wait_ready; return 0; fi
  port_open && die "port $KC_PORT is in use by something that is not Keycloak with realm writ; stop it or set KC_PORT"
  [[ -n "${KC_HOME:-}" ]] || die "KC_HOME is not set: point it at an unpacked keycloak-26.4.7 (the Maven build unpacks it to target/keycloak/keycloak-26.4.7)"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || die "no Keycloak at KC_HOME=$KC_HOME (missing bin/kc.sh): build first (mvn -B package) or unpack org.keycloak:keycloak-quarkus-dist:26.4.7:tar.gz there"
  if [[ -n "${JAVA_HOME:-}" ]]; then [[ -x "$JAVA_HOME/bin/java" ]] || die "JAVA_HOME=$JAVA_HOME has no bin/java"
  else command -v java >/dev/null || die "java not found: install a JDK 17+ (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"; fi
  [[ -f "$KC_REALM_FILE" ]] || die "realm file not found: $KC_REALM_FILE"

  mkdir -p "$KC_DATA"
  # --import-realm only reads $KC_HOME/data/import (not configurable). It skips realms that already
  # exist, so restarts keep their data. Replace the file atomically: another Keycloak sharing this
  # KC_HOME (tests next to ./run.sh) may be reading it right now.
  local import_dir="$KC_HOME/data/import"
  mkdir -p "$import_dir"
  cp "$KC_REALM_FILE" "$import_dir/.incoming.$$"
  mv -f "$import_dir/.incoming.$$" "$import_dir/$(basename "$KC_REALM_FILE")"

  # dev-file H2 under KC_DATA instead of $KC_HOME/data/h2, so a rebuild of target/ keeps the data.
  # The URL options are the ones Keycloak adds to its own default dev-file URL.
  local db_url="jdbc:h2:file:$KC_DATA/h2/keycloakdb;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0"

  # setsid + nohup + all fds redirected: the server must outlive a caller such as Maven's exec
  # plugin, which waits for its child's output streams to close. The pid file names kc.sh, the
  # leader of a new process group; kc.sh forwards TERM to its java child, or has become java itself
  # (it re-execs java after Keycloak's first run exits with code 10 to rebuild its configuration).
  rm -f "$PID_FILE"
  echo "Starting Keycloak on port $KC_PORT (data $KC_DATA, log $LOG)"
  KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    setsid nohup bash -c 'echo $$ > "$0"; exec "$@"' "$PID_FILE" \
      "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --hostname="http://localhost:$KC_PORT" \
      --db=dev-file --db-url="$db_url" \
      --import-realm \
      </dev/null >"$LOG" 2>&1 &
  # Give the child a moment to write its pid file before wait_ready checks it.
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  wait_ready
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    if port_open; then echo "Keycloak not started from $KC_DATA; port $KC_PORT is in use by another process, left alone"
    else echo "Keycloak stopped"; fi
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null || port_open; do
    if ((SECONDS >= deadline)); then
      echo "keycloak.sh: Keycloak did not stop within 30s; killing process group $pid" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$PID_FILE"
  echo "Keycloak stopped"
}

status() {
  if ready; then echo "running (port $KC_PORT)"
  elif running_pid >/dev/null; then echo "starting (pid $(cat "$PID_FILE"))"
  else echo "stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  wait) wait_ready ;;
  *) echo "usage: $0 start|stop|status|wait" >&2; exit 2 ;;
esac

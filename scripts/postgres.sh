#!/usr/bin/env bash
# A local PostgreSQL server for the cluster tests and for trying Writ on PostgreSQL: installs the Debian package when
# missing, creates a server directory of its own (not the system's cluster) and starts it on a port of its own.
#
#   scripts/postgres.sh start            initialise (first time) and start; prints the JDBC URL of database "writ"
#   scripts/postgres.sh fresh NAME       (re)create an empty database NAME; prints its JDBC URL
#   scripts/postgres.sh stop|status
#
# Environment:
#   WRIT_PG_PORT   port, bound to 127.0.0.1 (default 15432)
#   WRIT_PG_DIR    server directory: data, socket, log (default <repo>/target/postgres)
#
# The server trusts connections from this machine (user "writ", superuser): it is a test and demo server, not a
# production one. Running as root, the server runs as the "postgres" user the package creates (PostgreSQL refuses
# to run as root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${WRIT_PG_PORT:-15432}"
DIR="${WRIT_PG_DIR:-$REPO/target/postgres}"
[[ "$DIR" == /* ]] || DIR="$PWD/${DIR#./}"
DATA="$DIR/data"
LOG="$DIR/postgres.log"

die() { echo "postgres.sh: $*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

install_if_missing() {
  [[ -n "$(bin_dir)" ]] && return 0
  echo "postgres.sh: installing PostgreSQL (Debian package postgresql)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  [[ -n "$(bin_dir)" ]] || die "PostgreSQL is not installed and could not be installed"
}

# Runs a server tool as the user that owns the server directory.
pg() {
  local tool="$(bin_dir)/$1"
  shift
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$tool" "$@"
  else
    "$tool" "$@"
  fi
}

sql() { PGOPTIONS="-c client_min_messages=warning" pg psql -h 127.0.0.1 -p "$PORT" -U writ -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

running() { pg pg_ctl -D "$DATA" status >/dev/null 2>&1; }

jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$PORT/$1"; }

start() {
  install_if_missing
  mkdir -p "$DIR"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$DIR"
    runuser -u postgres -- test -w "$DIR" || die "user postgres cannot write $DIR (set WRIT_PG_DIR to a directory it can reach)"
  fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    pg initdb -D "$DATA" -U writ -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! running; then
    pg pg_ctl -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200" start >/dev/null \
      || die "PostgreSQL did not start; see $LOG"
  fi
  [[ -n "$(sql -c "select 1 from pg_database where datname = 'writ'")" ]] || sql -c "create database writ"
  jdbc_url writ
}

fresh() {
  local name="${1:?database name}"
  [[ "$name" =~ ^[a-z][a-z0-9_]*$ ]] || die "database name must be lower case letters, digits and _"
  running || die "not running; scripts/postgres.sh start first"
  sql -c "drop database if exists $name with (force)"
  sql -c "create database $name"
  jdbc_url "$name"
}

case "${1:-}" in
  start) start ;;
  fresh) fresh "${2:-}" ;;
  stop) if [[ -n "$(bin_dir)" && -f "$DATA/PG_VERSION" ]] && running; then pg pg_ctl -D "$DATA" -m fast -w stop >/dev/null; fi ;;
  status) if [[ -n "$(bin_dir)" && -f "$DATA/PG_VERSION" ]] && running; then echo "running on port $PORT"; else echo "stopped"; exit 3; fi ;;
  *) die "usage: scripts/postgres.sh start|fresh NAME|stop|status" ;;
esac

#!/usr/bin/env bash
# A real ticket system for Writ's demo and tests (as root): Request Tracker 5 from Debian's packages (SQLite
# database, RT's own standalone server) on a loopback port, with queues Changes and Incidents, the demo people as
# RT users who may own tickets in both, and "writ", the service user the portal reads tickets and comments with.
#
#   scripts/ticket-system.sh start         install when missing, set up (idempotent), start; prints the portal's
#                                          WRIT_TICKETS_* settings, one a line (progress goes to stderr)
#   scripts/ticket-system.sh stop|status   status: exit code 0 when running, 1 when not
#   scripts/ticket-system.sh open --kind change|incident --owner USER --title TEXT [--starts ISO8601 --due ISO8601]
#                                          opens a ticket owned and requested by USER (made an RT user when RT
#                                          does not know them); prints its reference:
#                                          CHG-<RT id> in queue Changes, INC-<RT id> in queue Incidents
#   scripts/ticket-system.sh close REF     sets the ticket's status to resolved
#   scripts/ticket-system.sh reject REF    sets it to rejected
#   scripts/ticket-system.sh comments REF  prints the text of the ticket's comments (what Writ wrote back), oldest
#                                          first, each followed by a line "--"
#
# --starts/--due (a change's planned window) take any ISO 8601 time GNU date reads (UTC when without an offset);
# they are sent as UTC "YYYY-MM-DDTHH:MM:SSZ", the only shape RT takes without guessing (RT drops an offset
# silently). RT stores them in UTC and REST 2.0 returns them as "2026-12-08T10:00:00Z"; an unset date reads
# "1970-01-01T00:00:00Z".
#
# Environment:
#   WRIT_TICKETS_PORT            RT's port on 127.0.0.1 (default 8480)
#   WRIT_TICKETS_DIR             PID file and log (default <repo>/target/ticket-system)
#   WRIT_TICKETS_WEBHOOK_URL     where RT posts each status change of a ticket (default the portal's
#                                http://127.0.0.1:8080/api/v1/tickets/events): Writ ends a closed ticket's writs at once
#   WRIT_TICKETS_WEBHOOK_SECRET  the secret RT signs those posts with (default, demo only: writ-tickets-webhook-secret);
#                                the portal needs the same one (printed)
#
# Demo credentials only, like the demo realm's passwords: RT's "root" has password writ-rt-root-secret, Writ's
# service user "writ" has writ-tickets-secret; the demo people have no password (only root logs in to RT's UI).
# A test RT, not a production one: it runs as root, hashes passwords with bcrypt cost 6, keeps its database in
# /var/lib/dbconfig-common/sqlite3/request-tracker5 and writes mail to mbox files under /var/lib/request-tracker5
# instead of sending it. scripts/ticket-system/initialdata.pl makes the queues, users and rights.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${WRIT_TICKETS_PORT:-8480}"
DIR="${WRIT_TICKETS_DIR:-$REPO/target/ticket-system}"
[[ "$DIR" == /* ]] || DIR="$PWD/${DIR#./}"
PIDFILE="$DIR/rt-server.pid"
LOG="$DIR/rt-server.log"
URL="http://127.0.0.1:$PORT"
API="$URL/REST/2.0"
SERVER=/usr/share/request-tracker5/libexec/rt-server
SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/70-writ.pm
export WRIT_RT_ROOT_PASSWORD=writ-rt-root-secret WRIT_TICKETS_PASSWORD=writ-tickets-secret
WEBHOOK_URL="${WRIT_TICKETS_WEBHOOK_URL:-http://127.0.0.1:8080/api/v1/tickets/events}"
WEBHOOK_SECRET="${WRIT_TICKETS_WEBHOOK_SECRET:-writ-tickets-webhook-secret}"

die() { echo "ticket-system.sh: $*" >&2; exit 1; }
say() { echo "ticket-system.sh: $*" >&2; }
usage() { die "usage: scripts/ticket-system.sh start|stop|status | open --kind change|incident --owner USER --title TEXT [--starts ISO8601 --due ISO8601] | close REF | reject REF | comments REF"; }
[[ $(id -u) -eq 0 ]] || die "run it as root: it installs packages and runs RT"

install_if_missing() {
  local missing=()
  [[ -x "$SERVER" ]] || missing+=(request-tracker5 rt5-standalone rt5-db-sqlite)
  command -v curl > /dev/null || missing+=(curl)
  command -v jq > /dev/null || missing+=(jq)
  ((${#missing[@]})) || return 0
  say "installing ${missing[*]} (Debian packages; output in $LOG)"
  debconf-set-selections <<EOF
request-tracker5 request-tracker5/initial-root-password password $WRIT_RT_ROOT_PASSWORD
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/dbconfig-install boolean true
rt5-db-sqlite rt5-db-sqlite/dbconfig-install boolean true
EOF
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"; } \
    >> "$LOG" 2>&1 || die "installing failed:"$'\n'"$(tail -20 "$LOG")"
  [[ -x "$SERVER" ]] || die "Request Tracker is not installed and could not be installed"
}

running() { [[ -f "$PIDFILE" ]] && grep -qs rt-server "/proc/$(cat "$PIDFILE")/cmdline"; }

settings() {
  printf '%s\n' WRIT_TICKETS_SYSTEM=request-tracker "WRIT_TICKETS_URL=$URL" WRIT_TICKETS_USER=writ \
    "WRIT_TICKETS_PASSWORD=$WRIT_TICKETS_PASSWORD" WRIT_TICKETS_CHANGE_QUEUE=Changes WRIT_TICKETS_INCIDENT_QUEUE=Incidents \
    "WRIT_TICKETS_WEBHOOK_SECRET=$WEBHOOK_SECRET"
}

start() {
  # One start at a time (./test.sh starts it in the background while the tests may ask for it too).
  exec 9> /tmp/writ-ticket-system.lock
  flock -w 900 9 || die "another start did not finish within 15 minutes"
  if running; then settings; return; fi
  mkdir -p "$DIR"
  install_if_missing
  (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && die "port $PORT is taken by another program"
  # Served at the root of 127.0.0.1:$PORT (Debian's debconf file puts RT under /rt of http://vm); no mail sent;
  # passwords hashed with bcrypt cost 6, not 12: RT checks the password of every REST call (0.35 s at cost 12).
  cat > "$SITE_CONFIG" <<EOF
# Written by Writ's scripts/ticket-system.sh on each start (a demo and test RT, not a production one).
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, '$URL');
Set(\$MailCommand, 'mbox');
Set(\$BcryptCost, 6);
Set(\$WritTicketsWebhookURL, '$WEBHOOK_URL');
Set(\$WritTicketsWebhookSecret, '$WEBHOOK_SECRET');
EOF
  say "setting up queues, users and rights"
  echo "--- $(date -Is) rt-setup-database" >> "$LOG"
  (cd "$DIR" && rt-setup-database --action insert --datafile "$REPO/scripts/ticket-system/initialdata.pl") >> "$LOG" 2>&1 \
    || die "setting up RT failed:"$'\n'"$(tail -20 "$LOG")"
  say "starting Request Tracker on $URL (log: $LOG)"
  echo "--- $(date -Is) rt-server" >> "$LOG"
  # Its own session and process group, so that stop ends the server and its workers together.
  rm -f "$PIDFILE"
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$PIDFILE" "$SERVER" --host 127.0.0.1 --port "$PORT" \
    >> "$LOG" 2>&1 < /dev/null 9>&- &
  for _ in $(seq 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
  local deadline=$((SECONDS + 60))
  until curl -sf -m 5 -o /dev/null -u "writ:$WRIT_TICKETS_PASSWORD" "$API/rt"; do
    running || die "RT stopped before it answered on $URL:"$'\n'"$(tail -20 "$LOG")"
    if ((SECONDS >= deadline)); then
      stop
      die "RT did not answer on $URL within 60 s:"$'\n'"$(tail -20 "$LOG")"
    fi
    sleep 0.5
  done
  settings
}

stop() {
  running || { rm -f "$PIDFILE"; return 0; }
  local pid
  pid="$(cat "$PIDFILE")"
  kill -TERM -- "-$pid" 2> /dev/null || true
  for _ in $(seq 100); do kill -0 -- "-$pid" 2> /dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2> /dev/null || true
  rm -f "$PIDFILE"
}

# rt METHOD PATH [JSON]: calls REST 2.0 as RT's root; sets BODY and CODE.
rt() {
  local out
  out="$(curl -sS -m 60 -u "root:$WRIT_RT_ROOT_PASSWORD" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data-binary "$3"} -w '\n%{http_code}' "$API$2")" || die "cannot reach RT at $URL"
  CODE="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
}

utc() { date -u -d "$2" +%Y-%m-%dT%H:%M:%SZ 2> /dev/null || die "$1 is not a time: $2"; }

open_ticket() {
  local kind="" owner="" title="" starts="" due="" queue prefix id
  while (($#)); do
    (($# >= 2)) || usage
    case "$1" in
      --kind) kind="$2" ;; --owner) owner="$2" ;; --title) title="$2" ;;
      --starts) starts="$(utc --starts "$2")" ;; --due) due="$(utc --due "$2")" ;;
      *) usage ;;
    esac
    shift 2
  done
  case "$kind" in
    change) queue=Changes prefix=CHG ;;
    incident) queue=Incidents prefix=INC ;;
    *) die "--kind must be change or incident" ;;
  esac
  [[ -n "$owner" && -n "$title" ]] || die "--owner and --title are required"
  [[ "$owner" =~ ^[A-Za-z0-9._@-]+$ ]] || die "not a user name: $owner"
  [[ "$kind" == change || -z "$starts$due" ]] || die "--starts and --due are for a change"
  running || die "not running; scripts/ticket-system.sh start first"
  rt GET "/user/$owner"
  if [[ "$CODE" != 200 ]]; then
    # A person RT does not know yet: made a privileged RT user (no password), who may own tickets in both queues.
    rt POST /user "$(jq -cn --arg n "$owner" '{Name: $n, Privileged: 1}')"
    [[ "$CODE" == 201 ]] || die "no RT user $owner, and RT did not make one ($CODE): $BODY"
  fi
  rt POST /ticket "$(jq -cn --arg q "$queue" --arg o "$owner" --arg t "$title" --arg s "$starts" --arg d "$due" \
    '{Queue: $q, Subject: $t, Owner: $o, Requestor: $o} + (if $s != "" then {Starts: $s} else {} end)
     + (if $d != "" then {Due: $d} else {} end)')"
  [[ "$CODE" == 201 ]] || die "RT did not open the ticket ($CODE): $BODY"
  id="$(jq -r .id <<< "$BODY")"
  rt GET "/ticket/$id"
  [[ "$(jq -r .Owner.id <<< "$BODY")" == "$owner" ]] || die "ticket $id was opened but its owner is not $owner (may $owner own tickets in $queue?)"
  echo "$prefix-$id"
}

# set_status REF STATUS: checks that REF names a ticket of its queue, then sets its status.
set_status() {
  local ref="$1" status="$2" queue id
  [[ "$ref" =~ ^(CHG|INC)-([0-9]+)$ ]] || die "not a ticket reference (CHG-<id> or INC-<id>): $ref"
  id="${BASH_REMATCH[2]}"
  [[ "${BASH_REMATCH[1]}" == CHG ]] && queue=Changes || queue=Incidents
  running || die "not running; scripts/ticket-system.sh start first"
  rt GET "/ticket/$id"
  [[ "$CODE" == 200 ]] || die "no ticket $id in RT ($CODE)"
  local queue_id
  queue_id="$(jq -r .Queue.id <<< "$BODY")"
  rt GET "/queue/$queue"
  [[ "$(jq -r .id <<< "$BODY")" == "$queue_id" ]] || die "ticket $id is not in queue $queue, so it is not $ref"
  rt PUT "/ticket/$id" "$(jq -cn --arg s "$status" '{Status: $s}')"
  local said="$BODY"
  rt GET "/ticket/$id"
  [[ "$(jq -r .Status <<< "$BODY")" == "$status" ]] || die "RT did not set ticket $id to $status: $said"
}

# comments REF: the text of each comment on the ticket, oldest first.
comments() {
  [[ "$1" =~ ^(CHG|INC)-([0-9]+)$ ]] || die "not a ticket reference (CHG-<id> or INC-<id>): $1"
  local id="${BASH_REMATCH[2]}" transaction attachment
  running || die "not running; scripts/ticket-system.sh start first"
  rt GET "/ticket/$id/history?per_page=100"
  [[ "$CODE" == 200 ]] || die "no ticket $id in RT ($CODE)"
  for transaction in $(jq -r '.items[].id' <<< "$BODY"); do
    rt GET "/transaction/$transaction"
    [[ "$(jq -r .Type <<< "$BODY")" == Comment ]] || continue
    rt GET "/transaction/$transaction/attachments"
    for attachment in $(jq -r '.items[].id' <<< "$BODY"); do
      rt GET "/attachment/$attachment"
      [[ "$(jq -r .ContentType <<< "$BODY")" == text/plain ]] || continue
      jq -r '.Content // ""' <<< "$BODY" | base64 -d
      echo
      echo "--"
    done
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on $URL (pid $(cat "$PIDFILE"))"; else echo "stopped"; exit 1; fi ;;
  open) shift; open_ticket "$@" ;;
  close) (($# == 2)) || usage; set_status "$2" resolved ;;
  reject) (($# == 2)) || usage; set_status "$2" rejected ;;
  comments) (($# == 2)) || usage; comments "$2" ;;
  *) usage ;;
esac

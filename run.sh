#!/usr/bin/env bash
# Starts Writ for a person to use: Keycloak (dev mode, realm "writ") and the portal on the embedded H2 database.
# Builds what is missing first. Stays in the foreground; Ctrl-C stops both. See docs/configuration.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
REPO="$PWD"

WRIT_PORT="${WRIT_PORT:-8080}"
WRIT_KEYCLOAK_URL="${WRIT_KEYCLOAK_URL:-http://localhost:8180}"
WRIT_REALM="${WRIT_REALM:-writ}"
WRIT_DATA_DIR="${WRIT_DATA_DIR:-$REPO/data}"
[[ "$WRIT_DATA_DIR" == /* ]] || WRIT_DATA_DIR="$REPO/${WRIT_DATA_DIR#./}"
die() { echo "run.sh: $*" >&2; exit 1; }

# The database: H2 under WRIT_DATA_DIR unless WRIT_DB_URL names another (PostgreSQL: see docs/operations.md). One that cannot be
# used is refused here, before anything starts (its parameters, which may hold a password, are not repeated).
WRIT_DB_URL="${WRIT_DB_URL:-jdbc:h2:file:$WRIT_DATA_DIR/writ;AUTO_SERVER=TRUE;WRITE_DELAY=0}"
case "$WRIT_DB_URL" in
  jdbc:h2:*) ;;
  jdbc:postgresql:*)
    WRIT_DB_DRIVER="${WRIT_DB_DRIVER:-org.postgresql.Driver}"
    if [[ "$WRIT_DB_URL" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/ ]]; then
      pg_host="${BASH_REMATCH[1]}" pg_port="${BASH_REMATCH[3]:-5432}"
      timeout 3 bash -c "exec 3<>/dev/tcp/$pg_host/$pg_port" 2>/dev/null \
        || die "nothing answers at $pg_host:$pg_port, the PostgreSQL server WRIT_DB_URL names: start it or fix WRIT_DB_URL"
    else
      die "WRIT_DB_URL ${WRIT_DB_URL%%[?;]*} is not of the form jdbc:postgresql://host:port/database"
    fi ;;
  *) die "WRIT_DB_URL must be jdbc:h2:... (the default) or jdbc:postgresql://host:port/database, not ${WRIT_DB_URL%%[?;]*}" ;;
esac
export WRIT_PORT WRIT_KEYCLOAK_URL WRIT_REALM WRIT_DATA_DIR WRIT_DB_URL ${WRIT_DB_DRIVER:+WRIT_DB_DRIVER}

# Tickets: the built-in registry, or the real ticket system whose settings are given (scripts/ticket-system.sh start
# prints them; docs/tickets.md). One that does not answer yet is said, not waited for: new requests are refused
# until it answers.
tickets="the built-in registry"
if [[ "${WRIT_TICKETS_SYSTEM:-registry}" == request-tracker ]]; then
  [[ -n "${WRIT_TICKETS_URL:-}" ]] || die "WRIT_TICKETS_SYSTEM=request-tracker needs WRIT_TICKETS_URL and the rest of the settings scripts/ticket-system.sh start prints"
  tickets="Request Tracker at $WRIT_TICKETS_URL"
  curl -s -o /dev/null --max-time 5 "$WRIT_TICKETS_URL/" \
    || echo "run.sh: Request Tracker does not answer at $WRIT_TICKETS_URL: new requests are refused until it does" >&2
fi

KEYCLOAK_VERSION=26.4.7
WAR="$REPO/web/target/writ.war"
PAYARA="$REPO/target/payara-micro.jar"
PG_DRIVER="$REPO/target/postgresql.jar"
export KC_HOME="$REPO/target/keycloak/keycloak-$KEYCLOAK_VERSION"
export KC_DATA="$WRIT_DATA_DIR/keycloak"

command -v java >/dev/null || die "java is missing: install a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"

# Build what is missing: the WAR, Payara Micro and the Keycloak distribution all come from the Maven build.
if [[ ! -f "$WAR" || ! -f "$PAYARA" || ! -f "$PG_DRIVER" || ! -x "$KC_HOME/bin/kc.sh" ]]; then
  command -v mvn >/dev/null || die "mvn is missing: install Maven (apt-get install -y maven)"
  command -v npm >/dev/null || die "npm is missing (the build installs the process diagram's viewer with it): apt-get install -y nodejs npm"
  echo "Building Writ (first run only; later runs start at once)..."
  mvn -B -q -DskipTests package
fi

# A Keycloak elsewhere is used as it is; a local one is started here and stopped on exit.
local_keycloak=false
if [[ "$WRIT_KEYCLOAK_URL" =~ ^http://(localhost|127\.0\.0\.1):([0-9]+)/?$ ]]; then
  local_keycloak=true
  export KC_PORT="${BASH_REMATCH[2]}"
fi

portal_pid=""
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping Writ..."
  if [[ -n "$portal_pid" ]] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
  if $local_keycloak; then scripts/keycloak.sh stop || true; fi
}
trap stop INT TERM EXIT

mkdir -p "$WRIT_DATA_DIR"
if $local_keycloak; then scripts/keycloak.sh start; fi

echo "Starting the portal on port $WRIT_PORT (log: $WRIT_DATA_DIR/portal.log)..."
# Payara Micro keeps what it deployed in its root directory. After a crash (kill -9) it would deploy that stale copy at
# start and then ours over it, tearing the first down under the requests it already answers (seen in the fault
# injection: classes gone, "No Pool Meta Data"). Nothing in it is data of Writ's: start from an empty one.
rm -rf "$WRIT_DATA_DIR/payara"
java -jar "$PAYARA" --deploy "$WAR" --contextroot / --port "$WRIT_PORT" --nocluster --addLibs "$PG_DRIVER" \
  --rootDir "$WRIT_DATA_DIR/payara" >"$WRIT_DATA_DIR/portal.log" 2>&1 &
portal_pid=$!

deadline=$((SECONDS + 180))
# Ready when the portal's own checks answer UP (Payara's endpoint says UP before the application is deployed) and its
# own pages answer (its open /callback redirects; Payara answers 503 while the application still loads).
api_answers() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$WRIT_PORT/callback") == 30? ]]; }
# (Its checks may say DOWN for a dependency that is away, a ticket system for one: the portal serves meanwhile.)
until curl -s --max-time 2 "http://localhost:$WRIT_PORT/health/ready" 2>/dev/null | grep -q process-engine && api_answers; do
  kill -0 "$portal_pid" 2>/dev/null || { tail -n 40 "$WRIT_DATA_DIR/portal.log" >&2; die "the portal exited during startup"; }
  # Payara stays up when the portal fails to deploy: no use waiting then. Say the database's complaint, if that was it.
  if grep -q "Exception while preparing the app\|Exception while loading the app" "$WRIT_DATA_DIR/portal.log"; then
    cause=$(grep -m1 -oE "Error in allocating a connection.*" \
      "$WRIT_DATA_DIR/portal.log" | sed 's/\]*$//' || true)
    die "the portal could not start${cause:+: $cause. Check WRIT_DB_URL, WRIT_DB_USER and WRIT_DB_PASSWORD}. Full report: $WRIT_DATA_DIR/portal.log"
  fi
  ((SECONDS < deadline)) || { tail -n 40 "$WRIT_DATA_DIR/portal.log" >&2; die "the portal was not ready after 180 s"; }
  sleep 1
done

cat <<MSG

  Writ is running:  http://localhost:$WRIT_PORT/
  Keycloak:         $WRIT_KEYCLOAK_URL/  (realm $WRIT_REALM; master admin admin/admin)
  Health:           http://localhost:$WRIT_PORT/health/ready     API description: http://localhost:$WRIT_PORT/openapi
  Tickets:          $tickets

  Demo logins (user / password = roles) — demo only, see README:
    alice / alice = requester          frank / frank = requester, approver
    bob   / bob   = approver           carol / carol = approver
    dave  / dave  = security           erin  / erin  = compliance
    admin / admin = admin
  API clients: writ-cli (public), ci-deployer / ci-deployer-secret (NHI owned by alice),
               session-ingest / session-ingest-secret, bastion-agent / bastion-agent-secret

  SSH bastion (as root: sudo scripts/bastion.sh start; a bastion-shell writ naming bastion-1 opens it):
    ssh -i data/bastion/keys/alice -p ${WRIT_BASTION_PORT:-2222} alice@127.0.0.1

  Data: $WRIT_DATA_DIR     Press Ctrl-C to stop.
MSG

wait "$portal_pid"

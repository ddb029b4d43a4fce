#!/usr/bin/env bash
# Fault injection: during a run of many one-minute writs, stop and start Keycloak, and kill -9 the portal and start it
# again; then check that every writ is final, Keycloak's role mappings equal the starting baseline (no leaked
# privilege), no audit record is missing and the chain verifies. Own ports (portal 8680, Keycloak 8580) and data
# (target/fault-data). FAULT_WRITS_PER_WAVE (20) writs per wave, three waves. The integration tests run a short form
# (FAULT_WRITS_PER_WAVE=4, FaultInjectionIT) beside the others. FAULT_CLASSPATH names the classpath of the program
# (the test classes and H2's driver), which is otherwise found with Maven. Exit code 0 = every check held.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"

export WRIT_PORT="${FAULT_PORTAL_PORT:-8680}"
export KC_PORT="${FAULT_KEYCLOAK_PORT:-8580}"
export WRIT_KEYCLOAK_URL="http://localhost:$KC_PORT"
export WRIT_DATA_DIR="$REPO/target/fault-data"
export KC_DATA="$WRIT_DATA_DIR/keycloak"
export WRIT_DB_URL="jdbc:h2:file:$WRIT_DATA_DIR/writ;AUTO_SERVER=TRUE;WRITE_DELAY=0"
export KC_HOME="$REPO/target/keycloak/keycloak-26.4.7"
export WRIT_PORTAL_URL="http://localhost:$WRIT_PORT"
# Failed Keycloak steps retry every few seconds, so the run does not wait for the production retry cycle.
export WRIT_KEYCLOAK_RETRY_CYCLE="${WRIT_KEYCLOAK_RETRY_CYCLE:-R5/PT3S}"
export WRIT_INCIDENTS_RECHECK_SECONDS="${WRIT_INCIDENTS_RECHECK_SECONDS:-3}"
rm -rf "$WRIT_DATA_DIR"
mkdir -p "$WRIT_DATA_DIR"

[[ -f web/target/writ.war && -f target/payara-micro.jar && -x "$KC_HOME/bin/kc.sh" &&
   -d web/target/test-classes/io/writ/web/bench ]] || mvn -B -q -ntp -DskipTests package

scripts/keycloak.sh start
trap 'scripts/keycloak.sh stop || true' EXIT

# The benchmark classes use the JDK and the H2 driver only (for the database's raw-JDBC figures and audit checks).
classpath="${FAULT_CLASSPATH:-}"
if [[ -z $classpath ]]; then
  h2_version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
  mvn -B -q -ntp dependency:get -Dartifact="com.h2database:h2:$h2_version" -Dtransitive=false
  local_repo=$(mvn -B -q -ntp -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout \
    | sed 's/\x1b\[[0-9;]*m//g')
  classpath="web/target/test-classes:$local_repo/com/h2database/h2/$h2_version/h2-$h2_version.jar"
fi
java -cp "$classpath" io.writ.web.bench.FaultInjection

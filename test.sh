#!/usr/bin/env bash
# Runs the whole test suite: unit, process, Arquillian (Payara Micro + a real Keycloak the build starts) and
# browser tests in headless Chromium, and beside them the short fault injection (FaultInjectionIT). The process
# and persistence tests run a second time on a real PostgreSQL server, and ClusterIT runs two portal nodes on it
# (scripts/postgres.sh installs the Debian package when missing and starts a server of its own on port
# WRIT_PG_PORT, default 15432; stopped at the end). BastionIT starts the demo SSH bastion (scripts/bastion.sh, as
# root: OpenSSH's sshd and sudo from Debian's packages when missing). The ticket tests (TicketSystemIT, ClusterIT) run
# against a real Request Tracker 5 (scripts/ticket-system.sh, as root: installed from Debian's packages when missing),
# installed and started in the background while the build compiles, and stopped at the end. Installs what the tests
# need and is missing (Chromium and its driver, Node's npm for the build, sshd and sudo for the bastion).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
command -v mvn >/dev/null || missing+=(maven)
command -v curl >/dev/null || missing+=(curl)
# The build installs the portal's browser libraries (bpmn-js) with the machine's npm: Node cannot be downloaded.
command -v npm >/dev/null || missing+=(nodejs npm)
# The bastion's, installed here rather than by scripts/bastion.sh during the tests, where they would wait for the
# ticket system's packages (one apt at a time).
[[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
[[ -x /usr/lib/openssh/sftp-server ]] || missing+=(openssh-sftp-server)
command -v sudo >/dev/null || missing+=(sudo)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

pg_port="${WRIT_PG_PORT:-15432}"
started=$SECONDS
# At the end of every run, passed or failed: where the time went, class by class.
finish() {
  scripts/postgres.sh stop >/dev/null 2>&1 || true
  # (after its start, which may still be installing when the build fails early)
  wait "${tickets_started:-}" 2>/dev/null || true
  as_root scripts/ticket-system.sh stop >/dev/null 2>&1 || true
  scripts/test-durations.sh || true
  echo "./test.sh took $((SECONDS - started)) s in all"
}
trap finish EXIT
# Request Tracker posts each ticket's status change to the cluster's node a (ClusterNodes; web/pom.xml's
# writ.it.cluster.port.a), on which the ticket tests run.
mkdir -p target
as_root env WRIT_TICKETS_WEBHOOK_URL="http://127.0.0.1:18081/api/v1/tickets/events" \
  scripts/ticket-system.sh start > target/ticket-system-start.log 2>&1 &
tickets_started=$!
scripts/postgres.sh start >/dev/null
scripts/postgres.sh fresh writ_process_tests >/dev/null
scripts/postgres.sh fresh writ_persistence_tests >/dev/null

mvn -B -ntp verify -Dwrit.test.postgresql="jdbc:postgresql://127.0.0.1:$pg_port" "$@"

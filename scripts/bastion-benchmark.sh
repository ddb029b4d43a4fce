#!/usr/bin/env bash
# The SSH bastion's benchmark (as root): a fresh portal and Keycloak (scripts/bench-portal.sh), the demo bastion
# (scripts/bastion.sh) with the accounts bench01..bench20, then 20 concurrent sessions a round: the login decision,
# a command's time to the portal's stored evidence, and the revocation's time to the session's end. Writes its
# section of BENCHMARKS.md. Not part of ./test.sh; takes a few minutes.
#
# Sizes (environment): BENCH_BASTION_SESSIONS (20), BENCH_BASTION_ROUNDS (3), BENCH_BASTION_COMMANDS (5 typed in
# each session); WRIT_BASTION_PORT (sshd, default 2222).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"
[[ $(id -u) -eq 0 ]] || { echo "bastion-benchmark.sh: run it as root (it starts sshd and makes accounts)" >&2; exit 1; }

source scripts/bench-portal.sh

sessions="${BENCH_BASTION_SESSIONS:-20}"
export WRIT_BASTION_USERS="$(for i in $(seq 1 "$sessions"); do printf 'bench%02d ' "$i"; done)"
export WRIT_URL="$WRIT_PORTAL_URL"
scripts/bastion.sh start
trap 'scripts/bastion.sh stop; kill $run_pid 2>/dev/null || true; wait $run_pid 2>/dev/null || true' EXIT

java -cp web/target/test-classes io.writ.web.bench.BastionBenchmark

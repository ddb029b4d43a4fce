#!/usr/bin/env bash
# Runs the benchmarks against a fresh portal and Keycloak of their own (ports 8280 and 8380, data in
# target/bench-data) and writes the figures to BENCHMARKS.md. Not part of ./test.sh. Takes 15-30 minutes with the
# default sizes; smaller runs for a quick look:
#
#   BENCH_REVOCATIONS=200 BENCH_THROUGHPUT_SECONDS=60 BENCH_EVENTS=20000 scripts/benchmark.sh
#
# Sizes (environment): BENCH_FLOOR_PAIRS (200), BENCH_GRANTS (50), BENCH_CONTAINMENTS (20), BENCH_REVOCATIONS
# (1000 writs) of BENCH_REVOCATION_MINUTES (3), BENCH_THREADS (8, the clients making writs and users),
# BENCH_THROUGHPUT_SECONDS (300), BENCH_REQUESTERS (8 for the throughput) with BENCH_POLL_MILLIS (100), BENCH_EVENTS
# (100000), BENCH_BATCH (5000), BENCH_CAMPAIGN_ASSIGNMENTS (100000 standing assignments for one review campaign),
# BENCH_CAMPAIGN_ROLES (50 catalogue roles; the users are assignments / roles), BENCH_NHIS (50000 service-account
# clients made in Keycloak for the NHI inventory, removed after). BENCH_ONLY picks measures,
# comma-separated, from grants, containments, revocations, throughput (people asking), pipelines (the same, NHIs
# asking), ingestion, campaign, audit, nhis (the Keycloak floor is always taken); BENCH_REPORT names the report file
# (BENCHMARKS.md). Free text in BENCHMARKS-notes.md (where the time goes, what was improved) is appended to it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"

source scripts/bench-portal.sh

# The benchmark classes use the JDK and the H2 driver only (for the database's raw-JDBC figures and audit checks).
h2_version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
mvn -B -q -ntp dependency:get -Dartifact="com.h2database:h2:$h2_version" -Dtransitive=false
local_repo=$(mvn -B -q -ntp -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout \
  | sed 's/\x1b\[[0-9;]*m//g')
classpath="web/target/test-classes:$local_repo/com/h2database/h2/$h2_version/h2-$h2_version.jar"
java -cp "$classpath" io.writ.web.bench.Benchmark

# A fresh portal and Keycloak of the benchmarks' own (ports 8280 and 8380, data in target/bench-data), started in
# the background and stopped when the calling script exits; sourced by scripts/benchmark.sh and
# scripts/bastion-benchmark.sh, from the repository's root.
export WRIT_PORT="${BENCH_PORTAL_PORT:-8280}"
export WRIT_KEYCLOAK_URL="http://localhost:${BENCH_KEYCLOAK_PORT:-8380}"
export WRIT_DATA_DIR="$REPO/target/bench-data"
export WRIT_PORTAL_URL="http://localhost:$WRIT_PORT"
rm -rf "$WRIT_DATA_DIR"
mkdir -p "$WRIT_DATA_DIR"

mvn -B -q -ntp -DskipTests package   # also compiles the benchmark (web's test classes)

./run.sh >"$WRIT_DATA_DIR/run.log" 2>&1 &
run_pid=$!
trap 'kill $run_pid 2>/dev/null || true; wait $run_pid 2>/dev/null || true' EXIT
# Ready = the portal's own checks answer (Payara's health endpoint says UP before the application is deployed).
ready() {
  curl -sf "$WRIT_PORTAL_URL/health/ready" 2>/dev/null | grep -q process-engine &&
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$WRIT_PORTAL_URL/callback") == 30? ]]
}
for _ in $(seq 1 240); do
  ready && break
  sleep 1
done
ready || { echo "the portal did not get ready; see $WRIT_DATA_DIR" >&2; exit 1; }

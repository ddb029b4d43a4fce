#!/usr/bin/env bash
# Prints where the last test run's time went: every test class with its duration (slowest first), from the surefire
# and failsafe reports the build left under */target. ./test.sh prints it at the end of every run, passed or failed.
# Usage: scripts/test-durations.sh [how many classes to list, default all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shopt -s nullglob
reports=(*/target/surefire-reports*/TEST-*.xml */target/failsafe-reports/TEST-*.xml)
if ((${#reports[@]} == 0)); then
  echo "test-durations: no test reports under */target"
  exit 0
fi

rows=$(for report in "${reports[@]}"; do
  module=${report%%/*}
  kind=$([[ $report == */failsafe-reports/* ]] && echo integration || echo unit)
  # The first <testsuite ...> element: its name, time and test count (attributes in any order).
  head=$(grep -m1 -o '<testsuite [^>]*>' "$report" || true)
  name=$(sed -n 's/.* name="\([^"]*\)".*/\1/p' <<<"$head")
  time=$(sed -n 's/.* time="\([^"]*\)".*/\1/p' <<<"$head")
  tests=$(sed -n 's/.* tests="\([^"]*\)".*/\1/p' <<<"$head")
  # A class run a second time on PostgreSQL has its report of that run in surefire-reports-postgresql.
  run=$([[ $report == *-postgresql/* ]] && echo " (PostgreSQL)" || echo "")
  printf '%s\t%s\t%s\t%s\t%s\n' "${time:-0}" "$module" "$kind" "${tests:-?}" "${name##*.}$run"
done | sort -t$'\t' -k1,1 -g -r)

limit=${1:-0}
echo
echo "Where the tests' time went (seconds per class, slowest first):"
printf '%9s  %-9s %-12s %5s  %s\n' seconds module kind tests class
awk -F'\t' -v limit="$limit" 'limit == 0 || NR <= limit { printf "%9.1f  %-9s %-12s %5s  %s\n", $1, $2, $3, $4, $5 }' <<<"$rows"
awk -F'\t' '{ sum[$2 " " $3] += $1; total += $1 }
  END { for (k in sum) printf "%9.1f  %s (all classes)\n", sum[k], k; printf "%9.1f  in all\n", total }' <<<"$rows" | sort -g -r

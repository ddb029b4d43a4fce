#!/usr/bin/env bash
# Fails when a portal's log holds a failure of the portal itself: a request answered with HTTP 500. The portal logs
# every one as "WRIT-500 incident <id>" with the id its caller was shown (the API's ProblemMapper, a page's action,
# the error page of anything else). A 500 is a bug: the integration tests run this over the logs of every portal
# they started (web/pom.xml, post-integration-test).
# Usage: scripts/check-portal-logs.sh LOG_OR_DIR...   (a directory: every portal.log below it)
set -euo pipefail

logs=()
for place in "$@"; do
  if [[ -d $place ]]; then
    while IFS= read -r -d '' log; do logs+=("$log"); done < <(find "$place" -name portal.log -print0)
  elif [[ -f $place ]]; then
    logs+=("$place")
  fi
done
if ((${#logs[@]} == 0)); then
  echo "check-portal-logs: no portal log under $*"
  exit 0
fi

failed=0
for log in "${logs[@]}"; do
  if found=$(grep -n 'WRIT-500 incident' "$log"); then
    echo "check-portal-logs: $log answered HTTP 500 (a bug of the portal):"
    echo "$found" | cut -c1-400
    failed=1
  fi
done
if ((failed)); then
  exit 1
fi
echo "check-portal-logs: no HTTP 500 in ${#logs[@]} portal log(s)"

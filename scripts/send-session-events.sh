#!/usr/bin/env bash
# Reference sender: how a bastion or PSM tool reports privileged-session telemetry to Writ.
#
#   scripts/send-session-events.sh < events.ndjson
#
# Reads session events as NDJSON (one JSON object per line, fields as in docs/sessions.md:
#   {"eventId":"...","sessionId":"...","identity":"alice","type":"COMMAND","at":"2026-11-28T09:15:00Z",
#    "target":"orders-db-1","detail":"psql -c 'select 1'"}
# ), signs in to Keycloak with the client credentials of the `session-ingest` client, and posts the events in
# batches of WRIT_BATCH lines to POST /api/v1/sessions/events as application/x-ndjson. Prints each batch's answer
# ({accepted, duplicates, rejected:[{index, reason}]}). Sending the same events again is harmless: they are
# recognised by eventId. Exits non-zero if a batch was refused as a whole (4xx/5xx).
#
# Environment:
#   WRIT_PORTAL_URL         the portal (default http://localhost:8080)
#   WRIT_KEYCLOAK_URL       Keycloak (default http://localhost:8180)
#   WRIT_REALM              realm (default writ)
#   WRIT_INGEST_CLIENT      client id (default session-ingest)
#   WRIT_INGEST_SECRET      its secret (default: the demo realm's session-ingest-secret; set your own in production)
#   WRIT_BATCH              events per request (default 1000; the portal accepts up to 10000)
set -euo pipefail

PORTAL="${WRIT_PORTAL_URL:-http://localhost:8080}"
KEYCLOAK="${WRIT_KEYCLOAK_URL:-http://localhost:8180}"
REALM="${WRIT_REALM:-writ}"
CLIENT="${WRIT_INGEST_CLIENT:-session-ingest}"
SECRET="${WRIT_INGEST_SECRET:-session-ingest-secret}"
BATCH="${WRIT_BATCH:-1000}"

token() {
  local answer
  answer=$(curl -sS --fail-with-body -d grant_type=client_credentials -d "client_id=$CLIENT" \
    --data-urlencode "client_secret=$SECRET" "$KEYCLOAK/realms/$REALM/protocol/openid-connect/token") \
    || { echo "Keycloak refused the client credentials of $CLIENT: $answer" >&2; exit 2; }
  sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$answer"
}

post() {
  local file="$1" status
  status=$(curl -sS -o "$file.answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$file" "$PORTAL/api/v1/sessions/events")
  cat "$file.answer"; echo
  [[ "$status" == 202 ]] || { echo "batch refused with HTTP $status" >&2; return 1; }
}

TOKEN=$(token)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
split -l "$BATCH" - "$work/batch."
failed=0
for batch in "$work"/batch.*; do
  [[ -s "$batch" ]] || continue
  post "$batch" || failed=1
done
exit "$failed"

#!/usr/bin/env bash
# Checks a running Keycloak against the demo realm (README, "Demo logins"): tokens for users and service
# accounts carry the claims the portal relies on, and the master admin can read realm "writ".
#
#   scripts/check-realm.sh        (KC_PORT, default 8180; needs curl and python3)
set -euo pipefail

KC="http://localhost:${KC_PORT:-8180}"
REALM_URL="$KC/realms/writ"
TOKEN_URL="$REALM_URL/protocol/openid-connect/token"
PORTAL_ROLES="requester approver security compliance admin session-ingest bastion-agent prod-db-admin k8s-cluster-admin billing-read payments-operator bastion-shell"
failures=0

curl -fsS -o /dev/null --max-time 5 "$REALM_URL/.well-known/openid-configuration" ||
  { echo "Keycloak realm writ not answering at $REALM_URL: start it with scripts/keycloak.sh start" >&2; exit 1; }

# Prints the access token from a token endpoint answer; fails if there is none.
access_token() {
  python3 -c 'import json,sys
try: print(json.load(sys.stdin)["access_token"])
except Exception as e: sys.exit("no token (%s)" % e)'
}

# check_token NAME EXPECTED_USERNAME "EXPECTED PORTAL ROLES" TOKEN
# The portal roles in "groups" must be exactly the expected ones (default roles may be there too).
check_token() {
  python3 - "$1" "$2" "$3" "$4" "$REALM_URL" "$PORTAL_ROLES" <<'EOF' || failures=$((failures + 1))
import base64, json, sys
name, user, roles, token, iss, portal = sys.argv[1], sys.argv[2], set(sys.argv[3].split()), sys.argv[4], sys.argv[5], set(sys.argv[6].split())
if token.count(".") != 2: sys.exit("FAIL %s: no token" % name)
payload = token.split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
aud = claims.get("aud", [])
aud = [aud] if isinstance(aud, str) else aud
problems = []
if claims.get("iss") != iss: problems.append("iss %r" % claims.get("iss"))
if claims.get("preferred_username") != user: problems.append("preferred_username %r" % claims.get("preferred_username"))
if "writ-portal" not in aud: problems.append("aud %r lacks writ-portal" % aud)
if set(claims.get("groups", [])) & portal != roles: problems.append("groups %r, expected portal roles %r" % (claims.get("groups"), sorted(roles)))
if claims["exp"] - claims["iat"] != 60: problems.append("lifespan %ss (the realm says 60)" % (claims["exp"] - claims["iat"]))
print(("FAIL %s: %s" % (name, "; ".join(problems))) if problems else "ok   %s: groups %s" % (name, claims.get("groups")))
sys.exit(1 if problems else 0)
EOF
}

# A failed token request yields an empty token, which check_token reports.
user_token() { curl -sS "$TOKEN_URL" -d grant_type=password -d client_id=writ-cli -d "username=$1" -d "password=$1" | access_token || true; }
client_token() { curl -sS "$TOKEN_URL" -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$1-secret" | access_token || true; }

for u in alice:requester "frank:requester approver" bob:approver carol:approver dave:security erin:compliance admin:admin; do
  check_token "${u%%:*}" "${u%%:*}" "${u#*:}" "$(user_token "${u%%:*}")"
done
check_token ci-deployer service-account-ci-deployer "requester" "$(client_token ci-deployer)"
check_token session-ingest service-account-session-ingest "session-ingest" "$(client_token session-ingest)"
check_token bastion-agent service-account-bastion-agent "bastion-agent session-ingest" "$(client_token bastion-agent)"

# The portal client is for browser logins only: a password grant must be refused.
code=$(curl -s -o /dev/null -w '%{http_code}' "$TOKEN_URL" -d grant_type=password -d client_id=writ-portal \
  -d client_secret=writ-portal-secret -d username=alice -d password=alice)
if [[ "$code" == 400 || "$code" == 401 ]]; then echo "ok   writ-portal refuses password grant ($code)"
else echo "FAIL writ-portal password grant answered $code"; failures=$((failures + 1)); fi

# The portal's browser login: authorization code flow with the confidential client and its secret,
# redirecting to the test portal's port.
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
auth="$REALM_URL/protocol/openid-connect/auth?client_id=writ-portal&response_type=code&scope=openid&state=s"
action=$(curl -sS -c "$jar" -b "$jar" "$auth&redirect_uri=http://localhost:18080/cb" |
  grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g' || true)
back=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$action" -d username=frank -d password=frank || true)
code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$back")
id_token=$(curl -sS "$TOKEN_URL" -d grant_type=authorization_code -d client_id=writ-portal -d client_secret=writ-portal-secret \
  -d "code=$code" -d redirect_uri=http://localhost:18080/cb | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id_token",""))' || true)
check_token "writ-portal login (frank, ID token)" frank "requester approver" "$id_token"
status=$(curl -s -o /dev/null -w "%{http_code}" "$auth&redirect_uri=http://evil.example/cb")
if [[ "$status" == 400 ]]; then echo "ok   writ-portal refuses a foreign redirect URI"
else echo "FAIL writ-portal foreign redirect URI answered $status"; failures=$((failures + 1)); fi

# Master-realm admin (KC_ADMIN/KC_ADMIN_PASSWORD, default admin/admin) reads the realm.
admin=$(curl -fsS "$KC/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
  -d "username=${KC_ADMIN:-admin}" -d "password=${KC_ADMIN_PASSWORD:-admin}" | access_token)
api() { curl -fsS -H "Authorization: Bearer $admin" "$KC/admin/realms/writ/$1"; }
users=$(api 'users?max=100')   # people only: the users list leaves service accounts out
owner=$(api 'clients?clientId=ci-deployer')
sa_ci=$(api "clients/$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["id"])' "$owner")/service-account-user")
events=$(api 'events?type=LOGIN&client=writ-cli&max=50')   # saved login events (eventsEnabled)
held=$(for r in prod-db-admin k8s-cluster-admin billing-read payments-operator; do api "roles/$r/users"; echo; done)
python3 - "$users" "$owner" "$held" "$sa_ci" "$events" <<'EOF' || failures=$((failures + 1))
import json, sys
users = sorted(u["username"] for u in json.loads(sys.argv[1]))
owner = json.loads(sys.argv[2])[0].get("attributes", {}).get("writ.owner")
held = [u["username"] for line in sys.argv[3].split("\n") if line.strip() for u in json.loads(line)]
sa_ci = json.loads(sys.argv[4]).get("username")
expected = sorted("admin alice bob carol dave erin frank".split())
problems = []
if users != expected: problems.append("users %r" % users)
if owner != "alice": problems.append("ci-deployer writ.owner %r" % owner)
if sa_ci != "service-account-ci-deployer": problems.append("ci-deployer service account user %r" % sa_ci)
if not json.loads(sys.argv[5]): problems.append("no saved LOGIN events")
if held: problems.append("entitlement roles held by %r" % held)
print(("FAIL admin API: %s" % "; ".join(problems)) if problems else "ok   admin API: %d users, ci-deployer owned by alice, no entitlements held, login events saved" % len(users))
sys.exit(1 if problems else 0)
EOF

if ((failures)); then echo "$failures check(s) failed"; exit 1; fi
echo "realm writ: all checks passed"

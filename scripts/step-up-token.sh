#!/usr/bin/env bash
# Gets an access token with a second factor for the API (RFC 9470's way: the authorization code flow with PKCE,
# asking Keycloak for acr_values=mfa and a max_age), for a person at a terminal:
#
#   scripts/step-up-token.sh [--max-age SECONDS]      (default 900: what the demo's k8s-cluster-admin asks)
#
# Prints Keycloak's sign-in address: open it in a browser, sign in with the password and the one-time code
# (demo codes: oathtool --totp -b SECRET, docs/step-up.md). Keycloak sends the browser back to this script on
# http://127.0.0.1:8765/step-up (the CLI client's registered loopback address), which exchanges the code and prints
# the access token on stdout. Use it as the Bearer token of the call that was answered with
# `error="insufficient_user_authentication"`.
#
# Environment: WRIT_KEYCLOAK_URL (default http://localhost:8180), WRIT_KEYCLOAK_REALM (default writ). Needs python3.
set -euo pipefail

max_age=900
while (($#)); do
  case "$1" in
    --max-age) max_age="${2:?--max-age needs seconds}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "step-up-token.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$max_age" =~ ^[0-9]+$ ]] || { echo "step-up-token.sh: --max-age takes whole seconds" >&2; exit 2; }

exec python3 - "${WRIT_KEYCLOAK_URL:-http://localhost:8180}" "${WRIT_KEYCLOAK_REALM:-writ}" "$max_age" <<'PY'
import base64, hashlib, http.server, json, secrets, sys, urllib.parse, urllib.request

keycloak, realm, max_age = sys.argv[1], sys.argv[2], sys.argv[3]
oidc = f"{keycloak}/realms/{realm}/protocol/openid-connect"
redirect = "http://127.0.0.1:8765/step-up"
verifier = secrets.token_urlsafe(48)
state = secrets.token_urlsafe(16)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
print("Open this address in a browser and sign in (password, then the one-time code):\n\n  "
      + oidc + "/auth?" + urllib.parse.urlencode({
          "client_id": "writ-cli", "response_type": "code", "scope": "openid", "redirect_uri": redirect,
          "acr_values": "mfa", "max_age": max_age, "state": state,
          "code_challenge": challenge, "code_challenge_method": "S256"}) + "\n", file=sys.stderr)

answer = {}
class Back(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        answer.update({k: v[0] for k, v in query.items()})
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"Signed in. The token is in your terminal; this window may be closed.\n")
    def log_message(self, *args):
        pass

with http.server.HTTPServer(("127.0.0.1", 8765), Back) as server:
    while "code" not in answer and "error" not in answer:
        server.handle_request()
if answer.get("state") != state:
    sys.exit("step-up-token.sh: the answer is not for this sign-in (state differs); nothing exchanged")
if "error" in answer:
    sys.exit("step-up-token.sh: Keycloak answered " + answer["error"] + ": " + answer.get("error_description", ""))
body = urllib.parse.urlencode({"grant_type": "authorization_code", "client_id": "writ-cli", "code": answer["code"],
                               "redirect_uri": redirect, "code_verifier": verifier}).encode()
with urllib.request.urlopen(oidc + "/token", body) as response:
    print(json.load(response)["access_token"])
PY

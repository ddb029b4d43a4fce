package io.writ.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Writ operations the benchmarks repeat, through the portal's API, and waiting for what follows them. */
final class Writs {

    private final Endpoints api;

    Writs(Endpoints api) {
        this.api = api;
    }

    /** Registers a fresh open ticket as admin. */
    String ticket() {
        var ref = "CHG-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        var answer = api.post("/api/v1/tickets", api.user("admin"), "{\"ref\":\"" + ref
                + "\",\"title\":\"benchmark\",\"state\":\"OPEN\"}");
        expect(201, answer.statusCode(), "ticket: " + answer.body());
        return ref;
    }

    /** Submits and returns the writ id. */
    String request(String requester, String entitlement, int minutes, String scopeJson) {
        var answer = api.post("/api/v1/requests", api.caller(requester), "{\"entitlement\":\"" + entitlement
                + "\",\"ticket\":\"" + ticket() + "\",\"justification\":\"benchmark of the writ lifecycle\","
                + "\"durationMinutes\":" + minutes + (scopeJson == null ? "" : ",\"scope\":" + scopeJson) + "}");
        expect(201, answer.statusCode(), "request: " + answer.body());
        return Endpoints.field(answer.body(), "id");
    }

    void approve(String approver, String writ) {
        var answer = api.post("/api/v1/requests/" + writ + "/decisions", api.user(approver),
                "{\"decision\":\"APPROVE\",\"comment\":\"benchmark\"}");
        expect(200, answer.statusCode(), "approve: " + answer.body());
    }

    void end(String requester, String writ) {
        expect(200, api.post("/api/v1/requests/" + writ + "/end", api.caller(requester), "").statusCode(), "end");
    }

    /** The writ as security reads it. */
    String read(String writ) {
        return api.get("/api/v1/requests/" + writ, api.user("dave")).body();
    }

    String status(String writ) {
        return Endpoints.field(read(writ), "status");
    }

    /** The time between two steps of the writ's receipt, as the portal measured them (security reads it). */
    Duration receiptDelay(String writ, String from, String to) {
        var receipt = api.get("/api/v1/requests/" + writ + "/receipt", api.user("dave")).body();
        return Duration.between(receiptStep(receipt, from), receiptStep(receipt, to));
    }

    private static Instant receiptStep(String receipt, String step) {
        var matcher = java.util.regex.Pattern.compile("\\{\"step\":\"" + step
                + "\",\"label\":\"[^\"]*\",\"at\":\"([^\"]+)\"").matcher(receipt);
        if (!matcher.find()) {
            throw new IllegalStateException("no time for " + step + " in the receipt: " + receipt);
        }
        return Instant.parse(matcher.group(1));
    }

    /** Whether Keycloak maps the realm role to the user right now (read directly, not through the portal). */
    boolean holds(String userId, String role) {
        var mappings = api.admin("GET", "/users/" + userId + "/role-mappings/realm", null).body();
        return mappings.contains("\"name\":\"" + role + "\"");
    }

    String userId(String username) {
        var found = api.admin("GET", "/users?exact=true&username=" + username, null).body();
        return Endpoints.field(found, "id");
    }

    /** Makes a requester for the benchmark (password = username) unless it exists; returns its Keycloak id. */
    String benchUser(String username) {
        var id = userId(username);
        if (id != null) {
            return id;
        }
        var created = api.admin("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true,"
                + "\"email\":\"" + username + "@bench.example\",\"emailVerified\":true,\"firstName\":\"Bench\","
                + "\"lastName\":\"User\",\"credentials\":[{\"type\":\"password\",\"value\":\"" + username
                + "\",\"temporary\":false}]}");
        expect(201, created.statusCode(), "create user " + username + ": " + created.body());
        id = userId(username);
        var role = api.admin("GET", "/roles/requester", null).body();
        expect(204, api.admin("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]").statusCode(),
                "requester role");
        return id;
    }

    /** What the demo realm's pipeline (ci-deployer) has: its realm roles as groups, and the portal as audience. */
    private static final String PIPELINE_MAPPERS = "{\"name\":\"realm roles as groups\","
            + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-usermodel-realm-role-mapper\","
            + "\"config\":{\"claim.name\":\"groups\",\"multivalued\":\"true\",\"jsonType.label\":\"String\","
            + "\"access.token.claim\":\"true\",\"introspection.token.claim\":\"true\"}},"
            + "{\"name\":\"audience writ-portal\",\"protocol\":\"openid-connect\","
            + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.client.audience\":\"writ-portal\","
            + "\"access.token.claim\":\"true\",\"introspection.token.claim\":\"true\"}}";

    /**
     * Makes a pipeline for the benchmark unless it exists: a confidential client acting through its service account,
     * which holds the requester role, owned by alice (an NHI asks for writs for itself), its secret the client id
     * followed by "-secret". Its tokens come from its credentials: no password is hashed for them.
     */
    void benchPipeline(String clientId) {
        var secret = clientId + "-secret";
        if (Endpoints.field(api.admin("GET", "/clients?clientId=" + clientId, null).body(), "id") == null) {
            var created = api.admin("POST", "/clients", "{\"clientId\":\"" + clientId + "\",\"enabled\":true,"
                    + "\"publicClient\":false,\"secret\":\"" + secret + "\",\"serviceAccountsEnabled\":true,"
                    + "\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,"
                    + "\"attributes\":{\"writ.owner\":\"alice\"},\"protocolMappers\":[" + PIPELINE_MAPPERS + "]}");
            expect(201, created.statusCode(), "create client " + clientId + ": " + created.body());
            var id = Endpoints.field(api.admin("GET", "/clients?clientId=" + clientId, null).body(), "id");
            var account = Endpoints.field(api.admin("GET", "/clients/" + id + "/service-account-user", null).body(),
                    "id");
            var role = api.admin("GET", "/roles/requester", null).body();
            expect(204, api.admin("POST", "/users/" + account + "/role-mappings/realm", "[" + role + "]")
                    .statusCode(), "requester role of " + clientId);
        }
        api.pipeline(clientId, secret);
    }

    /** Waits (polling every few milliseconds) until the condition holds; returns the nanoTime it was seen. */
    static long until(BooleanSupplier condition, Duration atMost, String what) {
        return until(condition, atMost, what, 5);
    }

    /** Waits, asking every {@code pollMillis}, until the condition holds; returns the nanoTime it was seen. */
    static long until(BooleanSupplier condition, Duration atMost, String what, long pollMillis) {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException("not within " + atMost + ": " + what);
    }

    static Instant instant(String json, String field) {
        var value = Endpoints.field(json, field);
        return value == null ? null : Instant.parse(value);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, int actual, String what) {
        if (status != actual) {
            throw new IllegalStateException(what + ": HTTP " + actual);
        }
    }
}

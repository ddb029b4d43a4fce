package io.writ.web.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives writs through the public API as the demo users would, for the integration tests. */
final class Writs {

    private Writs() {
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Instant> FETCHED = new ConcurrentHashMap<>();
    /** Whose each token handed out here is, so a refused one can be renewed ({@link #renewed}). */
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    /**
     * A demo user's access token, reused while it has time left (the realm's tokens live 60 s): every password grant
     * opens a Keycloak session, and the tests check that revocation logs sessions out, so polling must not keep
     * opening new ones.
     */
    static String token(String user) {
        var fetched = FETCHED.get(user);
        if (fetched == null || fetched.isBefore(Instant.now().minus(Duration.ofSeconds(40)))) {
            fetch(user);
        }
        return TOKENS.get(user);
    }

    /**
     * A new token for the user now (it lives 60 s), reused by {@link #token} for 40 s: a test that must not have them
     * sign in to Keycloak during a window (a sign-in under a break-glass writ is its use, contained at once) takes it
     * before and uses it itself until the window ends.
     */
    static String freshToken(String user) {
        fetch(user);
        return TOKENS.get(user);
    }

    /**
     * A fresh token in place of one handed out here that the portal refused, as a client does: a revocation of any of
     * the user's writs makes the portal refuse their tokens issued before it. Empty for a token not from here.
     */
    static java.util.Optional<String> renewed(String refused) {
        var user = OWNERS.get(refused);
        if (user == null) {
            return java.util.Optional.empty();
        }
        synchronized (Writs.class) {
            if (refused.equals(TOKENS.get(user))) {
                fetch(user);
            }
            return java.util.Optional.of(TOKENS.get(user));
        }
    }

    private static synchronized void fetch(String user) {
        var token = KeycloakTokens.forUser(user, user);
        OWNERS.put(token, user);
        TOKENS.put(user, token);
        FETCHED.put(user, Instant.now());
    }

    /** Registers a fresh open ticket (a new number every run: the test database outlives a run) as admin. */
    static String openTicket() {
        var ref = "CHG-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        var response = Http.post("/api/v1/tickets", token("admin"),
                "{\"ref\":" + Json.quote(ref) + ",\"title\":\"integration test change\",\"state\":\"OPEN\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ref;
    }

    static HttpResponse<String> request(String token, String entitlement, String ticket, int minutes) {
        return Http.post("/api/v1/requests", token, "{\"entitlement\":" + Json.quote(entitlement)
                + ",\"ticket\":" + Json.quote(ticket)
                + ",\"justification\":\"integration test of the elevation flow\",\"durationMinutes\":" + minutes + "}");
    }

    /** Submits and returns the new writ's id. */
    static String submitted(String token, String entitlement, String ticket, int minutes) {
        var response = request(token, entitlement, ticket, minutes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.string(response.body(), "id");
    }

    static HttpResponse<String> decide(String user, String writId, String decision, String comment) {
        return Http.post("/api/v1/requests/" + writId + "/decisions", token(user),
                "{\"decision\":" + Json.quote(decision) + ",\"comment\":" + Json.quote(comment) + "}");
    }

    static String read(String user, String writId) {
        var response = Http.get("/api/v1/requests/" + writId, token(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static String status(String user, String writId) {
        return Json.string(read(user, writId), "status");
    }

    /** Waits for the writ to reach the state (grants and revocations run in the background, within seconds). */
    static String awaitStatus(String user, String writId, String status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> status.equals(status(user, writId)));
        return read(user, writId);
    }

    /** Waits until the revocation is recorded: role removed and read back, sessions logged out. */
    static String awaitRevoked(String user, String writId, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                    .until(() -> Json.string(read(user, writId), "confirmedAbsentAt") != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("writ " + writId + " was not revoked within " + atMost + ": "
                    + read(user, writId) + "; health: " + Http.get("/health/ready").body(), e);
        }
        return read(user, writId);
    }
}

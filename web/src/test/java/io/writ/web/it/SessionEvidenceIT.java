package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.writ.web.it.SessionEvents.alertOn;
import static io.writ.web.it.SessionEvents.event;
import static io.writ.web.it.SessionEvents.ingestToken;
import static io.writ.web.it.SessionEvents.report;
import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session telemetry against the running portal and the real Keycloak: an out-of-scope command on an active HIGH
 * writ is contained at once (role gone, sessions logged out, writ CONTAINED); duplicate and malformed events are
 * reported one by one and change nothing; an identity acting with no writ gives an UNLINKED session and an alert.
 */
@ExtendWith(TestPortal.class)
class SessionEvidenceIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String EVENTS = SessionEvents.PATH;

    @Test
    void anOutOfScopeCommandOnAnActiveHighWritIsContainedAtOnce() {
        var writ = activeProdDbAdmin();
        KeycloakTokens.forUser("alice", "alice"); // alice signs in with the elevated role
        var sessionsWithTheRole = KeycloakAdmin.sessionIds("alice");
        assertThat(sessionsWithTheRole).isNotEmpty();
        var session = "bastion-" + UUID.randomUUID();
        var now = Instant.now();

        var sent = Instant.now();
        var answer = report("[" + event(session, "alice", "SESSION_START", now, "orders-db-1", "ssh")
                + "," + event(session, "alice", "COMMAND", now.plusMillis(1), "orders-db-1", "psql -c 'select 1'")
                + "," + event(session, "alice", "COMMAND", now.plusMillis(2), "orders-db-1", "drop database orders")
                + "]");
        var answered = Instant.now();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"accepted\":3").contains("\"duplicates\":0").contains("\"rejected\":[]");
        var contained = awaitRevoked("alice", writ, SOON);
        assertThat(Json.string(contained, "status")).isEqualTo("CONTAINED");
        assertThat(Json.string(contained, "revocationReason")).isEqualTo("CONTAINMENT");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).as("the role in Keycloak").isFalse();
        assertThat(KeycloakAdmin.sessionIds("alice")).as("alice's sessions were logged out")
                .doesNotContainAnyElementsOf(sessionsWithTheRole);

        var sessions = Http.get("/api/v1/requests/" + writ + "/sessions", token("alice"));
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("\"sourceSessionId\":\"" + session + "\"").contains("\"link\":\"LINKED\"")
                .contains("\"coverage\":\"FULL\"").contains("\"outOfScope\":1").contains("drop database orders");
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(sessions.body()))) {
            var timeline = reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(s -> s.getString("sourceSessionId").equals(session)).findFirst().orElseThrow()
                    .getJsonArray("timeline");
            assertThat(timeline).hasSize(3).allSatisfy(e -> assertThat(Instant.parse(
                    e.asJsonObject().getString("receivedAt"))).as("when the portal took the event in")
                    .isBetween(sent, answered));
        }

        await().atMost(SOON).until(() -> alertOn(writ).contains("\"state\":\"CONTAINED\""));
        var alert = alertOn(writ);
        assertThat(alert).contains("\"rule\":\"OUT_OF_SCOPE_COMMAND\"").contains("drop database orders")
                .contains("ended as CONTAINED");
        var alertId = Json.string(alert, "id");
        assertThat(Http.get("/api/v1/alerts", token("alice")).statusCode()).as("alerts are security's").isEqualTo(403);
        var triaged = Http.post("/api/v1/alerts/" + alertId + "/triage", token("dave"),
                "{\"outcome\":\"CONFIRM\",\"comment\":\"a drop outside the change plan\"}");
        assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
        assertThat(triaged.body()).contains("\"state\":\"CONFIRMED\"").contains("\"triagedBy\":\"dave\"");
        assertThat(Http.get("/api/v1/alerts", token("dave")).body()).doesNotContain(alertId);
    }

    @Test
    void duplicateAndMalformedEventsAreReportedOneByOneAndChangeNothing() {
        var who = "contractor-" + UUID.randomUUID().toString().substring(0, 8);
        var session = "bastion-" + UUID.randomUUID();
        var first = event(session, who, "SESSION_START", Instant.now(), "orders-db-1", "ssh");

        var answer = report("[" + first + "," + first
                + ",{\"sessionId\":\"" + session + "\",\"identity\":\"" + who + "\",\"type\":\"TELEPORT\","
                + "\"at\":\"yesterday\"},42]");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"accepted\":1").contains("\"duplicates\":1")
                .contains("\"index\":2").contains("eventId is required").contains("TELEPORT").contains("yesterday")
                .contains("\"index\":3").contains("not an event object");
        var again = report(first);
        assertThat(again.body()).contains("\"accepted\":0").contains("\"duplicates\":1").contains("\"rejected\":[]");
        var ndjson = Http.post(EVENTS, ingestToken(), "application/x-ndjson",
                event(session, who, "COMMAND", Instant.now(), "orders-db-1", "ls") + "\n{not json\n");
        assertThat(ndjson.body()).contains("\"accepted\":1").contains("\"index\":1");

        var unlinked = Http.get("/api/v1/sessions?link=UNLINKED", token("dave")).body();
        var at = unlinked.indexOf("\"sourceSessionId\":\"" + session + "\"");
        var mine = unlinked.substring(unlinked.lastIndexOf("{\"commands\"", at), at); // JSON-B writes fields alphabetically
        assertThat(mine).as("the duplicate counted once").contains("\"events\":2");
    }

    @Test
    void anIdentityActingWithoutAWritGivesAnUnlinkedSessionAndAnAlert() {
        var who = "contractor-" + UUID.randomUUID().toString().substring(0, 8);
        var session = "bastion-" + UUID.randomUUID();

        var answer = report(event(session, who, "COMMAND", Instant.now(), "orders-db-1", "psql"));

        assertThat(answer.body()).contains("\"accepted\":1");
        assertThat(Http.get("/api/v1/sessions?link=UNLINKED", token("dave")).body())
                .contains("\"sourceSessionId\":\"" + session + "\"");
        var alerts = Http.get("/api/v1/alerts", token("dave")).body();
        assertThat(alerts).contains("\"identity\":\"" + who + "\"");
        var at = alerts.indexOf("\"identity\":\"" + who + "\"");
        var alert = alerts.substring(alerts.lastIndexOf('{', at), alerts.indexOf('}', at) + 1);
        assertThat(alert).contains("\"rule\":\"UNLINKED_PRIVILEGED_SESSION\"").contains("\"state\":\"OPEN\"")
                .contains("with no active writ");
    }

    @Test
    void aLoginWithTheElevatedRoleAppearsAsALinkedSessionWithoutAnyBastion() {
        var writ = Writs.submitted(token("alice"), "payments-operator", openTicket(), 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        KeycloakTokens.forUser("alice", "alice");

        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get("/api/v1/requests/" + writ + "/sessions", token("alice")).body())
                        .contains("\"source\":\"KEYCLOAK\"").contains("\"link\":\"LINKED\"")
                        .contains("\"writId\":\"" + writ + "\""));
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
    }

    @Test
    void aStandingHolderWhoLogsInWithoutAWritIsAnUnlinkedSessionAndAnAlert() {
        var who = "standing-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createThirdPartyUser(who, "billing-read"); // assigned directly in Keycloak, no writ
        try {
            KeycloakTokens.forUser(who, who);

            await().atMost(SOON).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(Http.get("/api/v1/alerts", token("dave")).body())
                            .contains("\"identity\":\"" + who + "\"").contains("UNLINKED_PRIVILEGED_SESSION"));
            assertThat(Http.get("/api/v1/sessions?link=UNLINKED", token("dave")).body())
                    .contains("\"identity\":\"" + who + "\"").contains("\"source\":\"KEYCLOAK\"");
        } finally {
            KeycloakAdmin.deleteUser(who);
        }
    }

    @Test
    void theReferenceSenderPostsNdjsonInBatches() throws Exception {
        var who = "contractor-" + UUID.randomUUID().toString().substring(0, 8);
        var session = "bastion-" + UUID.randomUUID();
        var lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append(event(session, who, "COMMAND", Instant.now(), "orders-db-1", "ls " + i)).append('\n');
        }
        var sender = new ProcessBuilder("bash", System.getProperty("writ.keycloak.script")
                .replace("keycloak.sh", "send-session-events.sh"));
        sender.environment().put("WRIT_PORTAL_URL", TestEnvironment.portalUrl());
        sender.environment().put("WRIT_KEYCLOAK_URL", TestEnvironment.KEYCLOAK_URL);
        sender.environment().put("WRIT_BATCH", "2");
        sender.redirectErrorStream(true);
        var process = sender.start();
        try (var in = process.getOutputStream()) {
            in.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output.split("\"accepted\":", -1)).as(output).hasSize(4); // three batches: 2 + 2 + 1
        var unlinked = Http.get("/api/v1/sessions?link=UNLINKED", token("dave")).body();
        var at = unlinked.indexOf("\"sourceSessionId\":\"" + session + "\"");
        assertThat(unlinked.substring(unlinked.lastIndexOf("{\"commands\"", at), at)).contains("\"events\":5");
    }

    @Test
    void onlyTheSessionIngestRoleMayReport() {
        var one = event("s-" + UUID.randomUUID(), "alice", "COMMAND", Instant.now(), "orders-db-1", "ls");
        assertThat(Http.post(EVENTS, null, "application/json", one).statusCode()).isEqualTo(401);
        assertThat(Http.post(EVENTS, token("alice"), one).statusCode()).isEqualTo(403);
        assertThat(Http.post(EVENTS, ingestToken(), "{not json").statusCode()).isEqualTo(400);
    }

    /** Alice's prod-db-admin writ scoped to orders-db-* and psql, approved by bob and carol, granted. */
    private static String activeProdDbAdmin() {
        var response = Http.post("/api/v1/requests", token("alice"), "{\"entitlement\":\"prod-db-admin\","
                + "\"ticket\":" + Json.quote(openTicket()) + ",\"justification\":\"rebuild the orders index\","
                + "\"durationMinutes\":30,\"scope\":{\"targets\":[\"orders-db-*\"],\"commands\":[\"psql*\"]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var writ = Json.string(response.body(), "id");
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isTrue();
        return writ;
    }
}

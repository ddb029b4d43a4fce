package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Break-glass against the real Keycloak: granted at once without approvers or ticket, for a short window; security
 * is told; once revoked a post-incident review is due, which only someone else in security can record.
 */
@ExtendWith(TestPortal.class)
class BreakGlassIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Test
    void breakGlassGrantsAtOnceAndOpensThePostIncidentReview() {
        // Alice signs in once, before the grant, and uses that token until she has ended the writ: a Keycloak sign-in
        // (or a token refresh) under the break-glass writ would be its use, an alert contained at once (HIGH), and
        // the writ would be CONTAINED before she ends it. What can wait (security's message) is checked after.
        var alice = Writs.freshToken("alice");
        var response = breakGlass(alice, "prod-db-admin", 30);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var writ = Json.string(response.body(), "id");

        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> "ACTIVE".equals(
                Json.string(Http.get("/api/v1/requests/" + writ, alice).body(), "status")));
        assertThat(Http.get("/api/v1/requests/" + writ, alice).body())
                .contains("\"breakGlass\":true").contains("\"approvals\":[]");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).as("granted at once").isTrue();
        assertThat(Http.post("/api/v1/requests/" + writ + "/extension", alice, "{\"minutes\":10}")
                .statusCode()).as("a break-glass window is not extended").isEqualTo(409);
        var ended = Http.post("/api/v1/requests/" + writ + "/end", alice, "");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);

        awaitRevoked("alice", writ, SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isFalse();
        await().atMost(SOON).untilAsserted(() -> assertThat(Http.get("/api/v1/messages", token("dave")).body())
                .as("security is told").contains("Break-glass").contains(writ));
        await().atMost(SOON).untilAsserted(() -> assertThat(Writs.read("alice", writ))
                .contains("\"postIncidentReview\":{\"due\""));

        var review = "/api/v1/requests/" + writ + "/post-incident-review";
        assertThat(Http.post(review, token("alice"), "{\"findings\":\"all fine\"}").statusCode())
                .as("not security").isEqualTo(403);
        var blank = Http.post(review, token("dave"), "{\"findings\":\" \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("findings");
        var reviewed = Http.post(review, token("dave"), "{\"findings\":\"the outage was real; runbook updated\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.body()).contains("\"reviewedBy\":\"dave\"").contains("runbook updated");
        assertThat(Http.post(review, token("dave"), "{\"findings\":\"again\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aBreakGlassWindowLongerThanTheCapIsAFieldErrorAndCreatesNothing() {
        var response = breakGlass(token("alice"), "payments-operator", 120);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("durationMinutes").contains("at most 60");
    }

    private static java.net.http.HttpResponse<String> breakGlass(String token, String entitlement, int minutes) {
        return Http.post("/api/v1/requests", token, "{\"entitlement\":\"" + entitlement + "\","
                + "\"justification\":\"production is down and the on-call DBA is unreachable\","
                + "\"durationMinutes\":" + minutes + ",\"breakGlass\":true}");
    }
}

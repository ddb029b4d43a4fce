package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
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
        // Alice signs in before the grant: a Keycloak sign-in under the break-glass writ would be its use, an alert
        // contained at once (HIGH), and the writ would be CONTAINED before she ends it.
        Writs.freshToken("alice");
        var response = breakGlass("prod-db-admin", 30);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var writ = Json.string(response.body(), "id");

        var active = awaitStatus("alice", writ, "ACTIVE", SOON);
        assertThat(active).contains("\"breakGlass\":true").contains("\"approvals\":[]");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).as("granted at once").isTrue();
        await().atMost(SOON).untilAsserted(() -> assertThat(Http.get("/api/v1/messages", token("dave")).body())
                .as("security is told at once").contains("Break-glass").contains(writ));
        assertThat(Http.post("/api/v1/requests/" + writ + "/extension", token("alice"), "{\"minutes\":10}")
                .statusCode()).as("a break-glass window is not extended").isEqualTo(409);

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isFalse();
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
        var response = breakGlass("payments-operator", 120);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("durationMinutes").contains("at most 60");
    }

    private static java.net.http.HttpResponse<String> breakGlass(String entitlement, int minutes) {
        return Http.post("/api/v1/requests", token("alice"), "{\"entitlement\":\"" + entitlement + "\","
                + "\"justification\":\"production is down and the on-call DBA is unreachable\","
                + "\"durationMinutes\":" + minutes + ",\"breakGlass\":true}");
    }
}

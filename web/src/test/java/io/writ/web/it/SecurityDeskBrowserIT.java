package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions as evidence in Chromium: the requester sees the session under her writ with the out-of-scope command
 * marked; security sees the alert with its evidence, must say why to dismiss, contains it with the Contain button
 * (role gone in Keycloak, writ CONTAINED) and confirms it. A requester cannot open the security desk.
 */
@ExtendWith(TestPortal.class)
@ResourceLock(TestPortal.FIGURES)
class SecurityDeskBrowserIT {

    private static final Duration SOON = Duration.ofSeconds(30);


    @Test
    void securityContainsAMediumWritsOutOfScopeCommandFromTheDesk() {
        var writ = activePaymentsOperator();
        var session = "bastion-" + UUID.randomUUID();
        var now = Instant.now();
        var report = Http.post("/api/v1/sessions/events", KeycloakTokens.forClient("session-ingest",
                "session-ingest-secret"), "[" + event(session, "COMMAND", now, "pay-db-1", "psql -c 'select 1'")
                + "," + event(session, "COMMAND", now.plusMillis(1), "pay-db-1", "rm -rf /var/lib/payments") + "]");
        assertThat(report.body()).contains("\"accepted\":2");

        try (var alice = Person.signIn("alice")) {
            alice.open("/writ.xhtml?id=" + writ, By.id("sessions-heading"));
            var sessionPanel = alice.waitFor(By.xpath("//article[contains(@class,'writ-session')]"
                    + "[contains(., '" + session + "')]"), "the session under the writ");
            // MEDIUM: LIGHT coverage keeps that an in-scope event happened, and an out-of-scope one in full.
            assertThat(sessionPanel.getText()).contains("LIGHT coverage").contains("(not kept: LIGHT coverage)")
                    .doesNotContain("select 1").contains("in scope")
                    .contains("rm -rf /var/lib/payments").contains("OUT OF SCOPE");
            alice.scrollTo(sessionPanel);
            alice.screenshot("writ-detail-sessions");
            alice.open("/alerts.xhtml", By.id("forbidden"));
            assertThat(alice.status("/alerts.xhtml")).isEqualTo(403);
        }

        try (var dave = Person.signIn("dave")) {
            dave.open("/alerts.xhtml", By.id("desk"));
            var card = dave.waitFor(alertCard(writ), "the alert on alice's writ");
            assertThat(card.getText()).contains("OUT_OF_SCOPE_COMMAND").contains("OPEN").contains("MEDIUM")
                    .contains("rm -rf /var/lib/payments").contains("alice");
            dave.scrollTo(card);
            dave.screenshot("security-desk-alert");

            card.findElement(By.className("writ-dismiss-alert")).click();
            assertThat(dave.waitFor(By.xpath("//article[@data-writ='" + writ + "']"
                    + "//*[contains(@class,'ui-message-error')]"), "the comment's field error").getText())
                    .contains("comment is required");
            dave.screenshot("security-desk-dismiss-without-comment");

            dave.browser.findElement(alertCard(writ)).findElement(By.className("writ-contain")).click();
            dave.waitFor(By.cssSelector(".ui-confirmdialog-yes"), "the containment confirmation").click();
            assertThat(dave.waitFor(By.cssSelector("#desk\\:messages .ui-messages-info"), "containment started")
                    .getText()).contains("containment started");

            var contained = awaitRevoked("alice", writ, SOON);
            assertThat(Json.string(contained, "status")).isEqualTo("CONTAINED");
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "payments-operator")).isFalse();
            await().atMost(SOON).pollInterval(Duration.ofSeconds(1)).until(() -> {
                dave.open("/alerts.xhtml", By.id("desk"));
                return dave.browser.findElement(alertCard(writ)).getText().contains("ended as CONTAINED");
            });
            dave.screenshot("security-desk-contained");
            dave.browser.findElement(alertCard(writ)).findElement(By.className("writ-confirm-alert")).click();
            assertThat(dave.waitFor(By.cssSelector("#desk\\:messages .ui-messages-info"), "the verdict").getText())
                    .contains("confirm");
            assertThat(dave.browser.findElements(alertCard(writ))).as("triaged: off the queue").isEmpty();
        }
    }

    private static By alertCard(String writ) {
        return By.xpath("//article[@data-writ='" + writ + "']");
    }

    /** Alice's payments-operator writ (MEDIUM: alerts wait for security) scoped to psql, approved by bob. */
    private static String activePaymentsOperator() {
        var response = Http.post("/api/v1/requests", token("alice"), "{\"entitlement\":\"payments-operator\","
                + "\"ticket\":" + Json.quote(openTicket()) + ",\"justification\":\"reconcile the failed batch\","
                + "\"durationMinutes\":30,\"scope\":{\"commands\":[\"psql*\"]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var writ = Json.string(response.body(), "id");
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        return writ;
    }

    private static String event(String session, String type, Instant at, String target, String detail) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"" + session + "\",\"identity\":\"alice\","
                + "\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"target\":" + Json.quote(target)
                + ",\"detail\":" + Json.quote(detail) + "}";
    }
}

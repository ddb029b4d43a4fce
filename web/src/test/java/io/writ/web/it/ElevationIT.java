package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.request;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writs end to end through the API, enforced in the real Keycloak: approval under separation of duties, the grant
 * read back from Keycloak, and every way a window ends (ending by itself is BastionIT's one-minute window, whose
 * role, Keycloak sessions and bastion session all go when it ends).
 */
@ExtendWith(TestPortal.class)
class ElevationIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Test
    void aHighRiskWritNeedsTwoDifferentApproversIsGrantedInKeycloakAndRevokedWhenEnded() {
        var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);
        assertThat(Writs.status("alice", writ)).isEqualTo("PENDING_APPROVAL");
        assertThat(Http.get("/api/v1/requests?awaitingMe=true", token("bob")).body()).contains(writ);

        assertThat(decide("frank", writ, "APPROVE", "change looks right").statusCode()).isEqualTo(200);
        assertThat(Writs.status("alice", writ)).as("one of two approvals").isEqualTo("PENDING_APPROVAL");
        var twice = decide("frank", writ, "APPROVE", "again");
        assertThat(twice.statusCode()).as("the same approval again is answered as the first").isEqualTo(200);
        assertThat(Json.string(twice.body(), "status")).as("one person counts once").isEqualTo("PENDING_APPROVAL");
        var otherwise = decide("frank", writ, "REJECT", "changed my mind");
        assertThat(otherwise.statusCode()).as("who decided may not decide otherwise").isEqualTo(403);
        assertThat(otherwise.body()).contains("counts once");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isFalse();

        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        var active = awaitStatus("alice", writ, "ACTIVE", SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isTrue();
        var grantedAt = Instant.parse(Json.string(active, "grantedAt"));
        var expiresAt = Instant.parse(Json.string(active, "expiresAt"));
        assertThat(Duration.between(grantedAt, expiresAt)).as("the window starts at grant time")
                .isEqualTo(Duration.ofMinutes(30));

        KeycloakTokens.forUser("alice", "alice"); // alice signs in with the role
        var sessionsWithTheRole = KeycloakAdmin.sessionIds("alice");
        assertThat(sessionsWithTheRole).isNotEmpty();
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);

        var ended = awaitRevoked("alice", writ, SOON);
        assertThat(Json.string(ended, "status")).isEqualTo("ENDED");
        assertThat(Json.string(ended, "revocationReason")).isEqualTo("ENDED_BY_REQUESTER");
        assertThat(Json.string(ended, "sessionsLoggedOutAt")).isNotNull();
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isFalse();
        assertThat(KeycloakAdmin.sessionIds("alice")).as("alice's sessions were logged out")
                .doesNotContainAnyElementsOf(sessionsWithTheRole);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).as("no decision awaited").isEqualTo(409);
    }

    @Test
    void theDiagramShowsWhereTheWritStandsToThoseWhoMaySeeIt() {
        var writ = submitted(token("frank"), "payments-operator", openTicket(), 30);
        var path = "/api/v1/requests/" + writ + "/diagram";

        var pending = Http.get(path, token("frank"));
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(pending.body()).contains("bpmn:definitions").contains("Task_DecideElevation");
        assertThat(Json.strings(pending.body(), "active")).containsExactly("Task_DecideElevation");
        assertThat(Json.strings(pending.body(), "completed"))
                .contains("Start_WritSubmitted", "Task_DecideElevationPolicy", "Task_ApplyPolicy");
        assertThat(Json.string(pending.body(), "currentStep")).isEqualTo("Waiting for approvers to decide");
        assertThat(Http.get(path, token("bob")).statusCode()).as("an approver of the writ").isEqualTo(200);
        assertThat(Http.get(path, token("erin")).statusCode()).as("compliance").isEqualTo(200);

        var stranger = Http.get(path, token("alice"));
        assertThat(stranger.statusCode()).as("a requester with no part in frank's writ").isEqualTo(403);
        assertThat(stranger.body()).doesNotContain("bpmn:definitions").doesNotContain("Task_");
        assertThat(Http.get(path, token("admin")).statusCode()).as("no role that reads writs").isEqualTo(403);
        assertThat(Http.get("/api/v1/requests/no-such-writ/diagram", token("frank")).statusCode()).isEqualTo(404);

        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("frank", writ, "ACTIVE", SOON);
        var active = Http.get(path, token("frank")).body();
        assertThat(Json.strings(active, "active")).as("the engine waits at the event-based gateway; its timer is "
                + "the step a person sees").containsExactlyInAnyOrder("Gateway_AwaitEnd", "Timer_WindowEnded");
        assertThat(Json.strings(active, "completed")).contains("Task_DecideElevation", "Task_GrantAccess")
                .doesNotContain("Gateway_AwaitEnd");
        assertThat(Json.string(active, "currentStep")).isEqualTo("Waiting for the window to end");

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("frank"), "").statusCode()).isEqualTo(200);
        awaitRevoked("frank", writ, SOON);
        var ended = Http.get(path, token("frank")).body();
        assertThat(Json.strings(ended, "active")).isEmpty();
        assertThat(Json.strings(ended, "completed")).contains("Message_WritEndRequested", "Task_RevokeAccess",
                "End_Revoked");
        assertThat(Json.string(ended, "currentStep")).isEqualTo("Finished: Access revoked");
    }

    @Test
    void nobodyApprovesTheirOwnWrit() {
        var writ = submitted(token("frank"), "payments-operator", openTicket(), 30);

        var own = decide("frank", writ, "APPROVE", "it is mine");

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("you asked for");
        assertThat(Writs.status("frank", writ)).isEqualTo("PENDING_APPROVAL");
        assertThat(Http.get("/api/v1/requests?awaitingMe=true", token("frank")).body()).doesNotContain(writ);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheWrit() {
        var writ = submitted(token("alice"), "payments-operator", openTicket(), 30);

        var silent = decide("carol", writ, "REJECT", "");
        assertThat(silent.statusCode()).isEqualTo(400);
        assertThat(silent.body()).contains("\"field\":\"comment\"");

        assertThat(decide("carol", writ, "REJECT", "no change window today").statusCode()).isEqualTo(200);
        assertThat(Writs.status("alice", writ)).isEqualTo("REJECTED");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "payments-operator")).isFalse();
    }

    @Test
    void ofTwoWritsForOneRoleTheFirstToEndLeavesItToTheOtherAndTheLastRemovesIt() {
        var requester = "twice-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createRequester(requester);
        var first = submitted(token(requester), "billing-read", openTicket(), 30); // LOW on an open ticket: at once
        var second = submitted(token(requester), "billing-read", openTicket(), 60);
        awaitStatus(requester, first, "ACTIVE", SOON);
        awaitStatus(requester, second, "ACTIVE", SOON);

        assertThat(Http.post("/api/v1/requests/" + first + "/end", token(requester), "").statusCode()).isEqualTo(200);

        await().atMost(SOON).until(() -> Json.string(Writs.read(requester, first), "keptByWrit") != null);
        var kept = Writs.read(requester, first);
        assertThat(Json.string(kept, "status")).isEqualTo("ENDED");
        assertThat(Json.string(kept, "keptByWrit")).isEqualTo(second);
        assertThat(Json.string(kept, "keptUntil")).isEqualTo(Json.string(Writs.read(requester, second), "expiresAt"));
        assertThat(Json.string(kept, "confirmedAbsentAt")).as("nothing was removed").isNull();
        assertThat(KeycloakAdmin.holdsRealmRole(requester, "billing-read")).as("the second writ still holds it")
                .isTrue();
        assertThat(Writs.status(requester, second)).isEqualTo("ACTIVE");

        assertThat(Http.post("/api/v1/requests/" + second + "/end", token(requester), "").statusCode())
                .isEqualTo(200);
        awaitRevoked(requester, second, SOON);
        assertThat(KeycloakAdmin.holdsRealmRole(requester, "billing-read")).as("the last to end removes it")
                .isFalse();
    }

    @Test
    void closingTheTicketEndsItsWrits() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "billing-read", ticket, 60);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        var closed = Http.post("/api/v1/tickets/" + ticket + "/close", token("admin"), "");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains(writ);

        var ended = awaitRevoked("alice", writ, SOON);
        assertThat(Json.string(ended, "revocationReason")).isEqualTo("TICKET_CLOSED");
        assertThat(KeycloakAdmin.holdsRealmRole("alice", "billing-read")).isFalse();
        assertThat(request(token("alice"), "billing-read", ticket, 30).body())
                .as("a closed ticket backs no new writ").contains("is closed");
    }

    @Test
    void aNonHumanIdentityAsksForItselfWithItsClientCredentials() {
        var ciDeployer = KeycloakTokens.forClient("ci-deployer", "ci-deployer-secret");
        var writ = submitted(ciDeployer, "payments-operator", openTicket(), 30);
        var pending = Writs.read("bob", writ);
        assertThat(Json.string(pending, "target")).isEqualTo("service-account-ci-deployer");

        assertThat(decide("bob", writ, "APPROVE", "deploy window").statusCode()).isEqualTo(200);
        awaitStatus("bob", writ, "ACTIVE", SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("service-account-ci-deployer", "payments-operator")).isTrue();

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", ciDeployer, "").statusCode()).isEqualTo(200);
        awaitRevoked("bob", writ, SOON);
        assertThat(KeycloakAdmin.holdsRealmRole("service-account-ci-deployer", "payments-operator")).isFalse();
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndChangesNothing() {
        var alice = token("alice");
        var empty = Http.post("/api/v1/requests", alice, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"entitlement\"", "\"field\":\"ticket\"",
                "\"field\":\"justification\"", "\"field\":\"durationMinutes\"");

        assertThat(request(alice, "prod-db-admin", "CHG-000000001", 30).body())
                .as("unknown ticket").contains("\"field\":\"ticket\"", "no ticket CHG-000000001");
        assertThat(request(alice, "prod-db-admin", "TICKET-7", 30).body())
                .as("malformed ticket").contains("\"field\":\"ticket\"", "not a ticket reference");
        var tooLong = request(alice, "prod-db-admin", openTicket(), 10_000);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"durationMinutes\"", "at most 240");
        assertThat(Http.post("/api/v1/requests", alice, "{not json").statusCode()).isEqualTo(400);
        assertThat(Http.post("/api/v1/requests", alice, "{\"durationMinutes\":\"soon\"}").statusCode())
                .isEqualTo(400);

        assertThat(Http.get("/api/v1/requests?mine=true", alice).body()).doesNotContain("10000");
        assertThat(Http.post("/api/v1/requests", token("dave"), "{}").statusCode())
                .as("security analysts do not request").isEqualTo(403);
        assertThat(Http.post("/api/v1/tickets", alice, "{}").statusCode())
                .as("only admins register tickets").isEqualTo(403);
    }

    @Test
    void anExtensionGoesThroughApprovalAndMovesTheEnd() {
        var writ = submitted(token("alice"), "payments-operator", openTicket(), 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        var active = awaitStatus("alice", writ, "ACTIVE", SOON);
        var originalEnd = Instant.parse(Json.string(active, "expiresAt"));

        var asked = Http.post("/api/v1/requests/" + writ + "/extension", token("alice"), "{\"minutes\":15}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(Json.string(Writs.read("alice", writ), "expiresAt")).as("no approval yet: the end stands")
                .isEqualTo(originalEnd.toString());
        var again = Http.post("/api/v1/requests/" + writ + "/extension", token("alice"), "{\"minutes\":15}");
        assertThat(again.statusCode()).as("the same request again is answered as the first").isEqualTo(200);
        var another = Http.post("/api/v1/requests/" + writ + "/extension", token("alice"), "{\"minutes\":20}");
        assertThat(another.statusCode()).as("one pending extension at a time").isEqualTo(409);

        var approved = Http.post("/api/v1/requests/" + writ + "/extension/decisions", token("carol"),
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Instant.parse(Json.string(Writs.read("alice", writ), "expiresAt")))
                .isEqualTo(originalEnd.plus(Duration.ofMinutes(15)));

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
    }

    @Test
    void aThirdPartyAdministratorNeedsASponsorAndGetsAShorterWindow() {
        if (KeycloakAdmin.userExists("tina")) {
            KeycloakAdmin.deleteUser("tina"); // left over from an interrupted run
        }
        KeycloakAdmin.createThirdPartyUser("tina", "requester");
        try {
            var tina = token("tina");
            var tooLong = request(tina, "payments-operator", openTicket(), 90);
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("\"field\":\"durationMinutes\"", "at most 60");

            var writ = submitted(tina, "payments-operator", openTicket(), 30);
            assertThat(Json.string(Writs.read("bob", writ), "sessionCoverage"))
                    .as("a MEDIUM entitlement, but a third party's sessions are kept in full").isEqualTo("FULL");
            assertThat(decide("bob", writ, "APPROVE", "vendor maintenance").statusCode()).isEqualTo(200);
            assertThat(Writs.status("bob", writ)).as("the sponsor has not approved yet").isEqualTo("PENDING_APPROVAL");
            assertThat(decide("dave", writ, "APPROVE", "sponsoring the vendor").statusCode()).isEqualTo(200);

            awaitStatus("bob", writ, "ACTIVE", SOON);
            assertThat(KeycloakAdmin.holdsRealmRole("tina", "payments-operator")).isTrue();
            assertThat(Http.post("/api/v1/requests/" + writ + "/end", tina, "").statusCode()).isEqualTo(200);
            awaitRevoked("bob", writ, SOON);
            assertThat(KeycloakAdmin.holdsRealmRole("tina", "payments-operator")).isFalse();
        } finally {
            KeycloakAdmin.deleteUser("tina");
        }
    }
}

package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The NHI inventory against the real Keycloak: Writ keeps it and follows Keycloak's changes (a client made, its
 * owner disabled, a standing role given, the client removed), pages, orders and filters it, and rotation works:
 * afterwards the old secret no longer works and the new one does.
 */
@ExtendWith(TestPortal.class)
class NhiIT {

    /** Writ follows Keycloak's changes within seconds; a loaded test machine is given more. */
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);


    @Test
    void theInventoryFollowsKeycloakWithinSecondsOwnersStandingRolesAndRemoval() {
        var owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        var client = "nhi-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createThirdPartyUser(owner, "requester");
        KeycloakAdmin.createNhi(client, "s3cret-" + client, owner);
        try {
            var before = await("the new client in Writ's inventory").atMost(SOON).pollInterval(POLL)
                    .until(() -> nhi(client), Optional::isPresent).orElseThrow();
            assertThat(before).contains("\"owner\":\"" + owner + "\"").doesNotContain("OWNER_DISABLED")
                    .doesNotContain("STANDING_PRIVILEGED_ROLE");
            assertThat(nhi("ci-deployer")).hasValueSatisfying(n -> assertThat(n).contains("\"owner\":\"alice\""));

            KeycloakAdmin.disableUser(owner);
            KeycloakAdmin.assignRealmRole("service-account-" + client, "prod-db-admin");

            await("the owner's disabling and the standing role followed").atMost(SOON).pollInterval(POLL)
                    .untilAsserted(() -> assertThat(nhi(client)).hasValueSatisfying(n -> assertThat(n)
                            .contains("OWNER_DISABLED").contains("STANDING_PRIVILEGED_ROLE")
                            .contains("\"privilegedRoles\":[\"prod-db-admin\"]")));
            // offboarding: its owner cannot review it any more, so the fallback reviewer (admin) is asked to
            await("a review item for the fallback reviewer").atMost(SOON).pollInterval(POLL).untilAsserted(() ->
                    assertThat(everyItemOwedBy("admin")).contains("\"entitlement\":\"" + client + "\""));
            var owned = Http.get("/api/v1/nhis?owner=" + owner + "&finding=OWNER_DISABLED", token("admin"));
            assertThat(owned.body()).contains("\"clientId\":\"" + client + "\"");
            assertThat(owned.headers().firstValue("X-Total-Count")).contains("1");
            try (var admin = Person.signIn("admin")) {
                admin.open("/admin/nhis.xhtml", By.id("nhis"));
                admin.browser.findElement(By.id("nhis:owner")).sendKeys(owner);
                admin.browser.findElement(By.id("nhis:apply")).click();
                await("the table filtered to its owner's NHI").atMost(SOON).pollInterval(POLL).until(() ->
                        admin.browser.findElements(By.cssSelector("#nhis\\:table_data tr")).size() == 1);
                var row = admin.waitFor(By.xpath("//tr[.//span[@class='writ-nhi-client' and text()='" + client + "']]"),
                        "the NHI's row, filtered by its owner");
                assertThat(row.getText()).contains(owner).contains("OWNER_DISABLED").contains("prod-db-admin");
                admin.screenshot("admin-nhis");
            }
        } finally {
            KeycloakAdmin.deleteClient(client);
            KeycloakAdmin.deleteUser(owner);
        }
        await("the removed client gone from the inventory").atMost(SOON).pollInterval(POLL)
                .until(() -> nhi(client).isEmpty());
    }

    @Test
    void theInventoryIsPagedSortedAndFilteredAndBadFiltersAreRefusedWithTheirFields() {
        var first = Http.get("/api/v1/nhis?size=1&sort=-clientId", token("dave"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).as("the demo realm's NHIs at least").isGreaterThanOrEqualTo(2);
        assertThat(Json.objects(first.body())).hasSize(1);
        var next = Http.get("/api/v1/nhis?size=1&page=1&sort=-clientId", token("dave"));
        assertThat(Json.string(next.body(), "clientId")).as("the second page, in descending order")
                .isLessThan(Json.string(first.body(), "clientId"));
        var owned = Http.get("/api/v1/nhis?owner=alice", token("dave"));
        assertThat(Json.objects(owned.body())).isNotEmpty()
                .allSatisfy(n -> assertThat(n).contains("\"owner\":\"alice\""));

        var bad = Http.get("/api/v1/nhis?size=0&finding=NONSENSE&sort=color", token("dave"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"size\"").contains("\"finding\"").contains("\"sort\"");
        assertThat(Http.get("/api/v1/nhis/no-such-client", token("dave")).statusCode()).isEqualTo(404);
    }

    @Test
    void afterRotationTheOldSecretFailsAndTheNewOneWorks() {
        var client = "nhi-" + UUID.randomUUID().toString().substring(0, 8);
        var oldSecret = "s3cret-" + client;
        KeycloakAdmin.createNhi(client, oldSecret, "alice");
        try {
            assertThat(KeycloakTokens.forClient(client, oldSecret)).isNotBlank();

            var rotation = Http.post("/api/v1/nhis/" + client + "/rotations", token("admin"), "");

            assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(202);
            await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                    .until(() -> !KeycloakAdmin.clientSecret(client).equals(oldSecret));
            assertThatThrownBy(() -> KeycloakTokens.forClient(client, oldSecret)).as("the old secret")
                    .hasMessageContaining("unauthorized_client");
            assertThat(KeycloakTokens.forClient(client, KeycloakAdmin.clientSecret(client))).as("the new one")
                    .isNotBlank();
            await().atMost(SOON).pollInterval(POLL).untilAsserted(() -> assertThat(nhi(client))
                    .hasValueSatisfying(n -> assertThat(n).contains("\"secretAgeDays\":0")));
        } finally {
            KeycloakAdmin.deleteClient(client);
        }
    }

    @Test
    void onlyAdminsSecurityAndComplianceSeeTheInventoryAndOnlyAdminsAndSecurityRotate() {
        assertThat(Http.get("/api/v1/nhis", token("alice")).statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/nhis", token("erin")).statusCode()).isEqualTo(200);
        assertThat(Http.post("/api/v1/nhis/ci-deployer/rotations", token("erin"), "").statusCode()).isEqualTo(403);
        assertThat(Http.post("/api/v1/nhis/no-such-client/rotations", token("dave"), "").statusCode()).isEqualTo(404);
    }

    @Test
    void aReconciliationAskedForIsTakenAtOnceAndAnswersWhatItFoundWhenDone() {
        assertThat(Http.post("/api/v1/nhis/reconciliations", token("erin"), "").statusCode())
                .as("compliance reads the inventory, it does not reconcile it").isEqualTo(403);

        var asked = Http.post("/api/v1/nhis/reconciliations", token("dave"), "");

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        var run = java.net.URI.create(asked.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(run).isEqualTo("/api/v1/nhis/reconciliations/" + Json.string(asked.body(), "id"));
        var done = await("the reconciliation done").atMost(SOON).pollInterval(POLL)
                .until(() -> Http.get(run, token("admin")).body(), body -> !body.contains("\"state\":\"RUNNING\""));
        assertThat(Json.string(done, "state")).as(done).isEqualTo("DONE");
        assertThat(Json.string(done, "askedBy")).isEqualTo("dave");
        assertThat(Json.string(done, "finishedAt")).isNotNull();
        var kept = Http.get("/api/v1/nhis?size=1", token("admin")).headers().firstValue("X-Total-Count").orElseThrow();
        assertThat(Json.number(done, "read")).as("every NHI Keycloak has, as many as the inventory keeps")
                .isEqualTo(Long.parseLong(kept));
        assertThat(PortalDatabase.auditAbout("nhi:inventory")).extracting(PortalDatabase.AuditRow::action)
                .contains("nhi.reconciliation-asked");
        assertThat(Http.get("/api/v1/nhis/reconciliations/no-such-run", token("admin")).statusCode()).isEqualTo(404);
    }

    /** The inventory entry of one client, as the API answers it; empty while the inventory does not have it. */
    private static Optional<String> nhi(String clientId) {
        var one = Http.get("/api/v1/nhis/" + clientId, token("admin"));
        if (one.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        return Optional.of(one.body());
    }

    /** Every review item the person owes, read a page at a time (the newest campaign's come last). */
    private static String everyItemOwedBy(String reviewer) {
        var all = new StringBuilder();
        for (int page = 0; ; page++) {
            var answer = Http.get("/api/v1/reviews/items?size=500&page=" + page, token(reviewer));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            all.append(answer.body());
            var total = Long.parseLong(answer.headers().firstValue("X-Total-Count").orElseThrow());
            if ((page + 1) * 500L >= total) {
                return all.toString();
            }
        }
    }
}

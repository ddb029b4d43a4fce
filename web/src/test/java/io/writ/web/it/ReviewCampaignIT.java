package io.writ.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Access review campaigns against the real Keycloak: a standing assignment made directly in Keycloak and the
 * {@code ci-deployer} credential are items; REVOKE and CONVERT_TO_JIT remove the assignment in Keycloak; a missed
 * deadline on a fail-closed entitlement revokes; only the item's reviewer decides; the post-access review answer
 * is evidence in the next campaign; the reviewer's page.
 */
@ExtendWith(TestPortal.class)
class ReviewCampaignIT {

    private static final Duration SOON = Duration.ofSeconds(30);


    @Test
    void aCampaignOverTheRealmFindsAnAssignmentMadeBehindThePortalsBackAndTheNhiAndRevokeRemovesIt() {
        var user = person();
        KeycloakAdmin.assignRealmRole(user, "payments-operator");
        try {
            assertThat(Http.post("/api/v1/reviews/campaigns", token("alice"), "{}").statusCode())
                    .as("a requester does not start campaigns").isEqualTo(403);
            var campaign = start("erin", "{}");

            var report = report("erin", campaign);
            assertThat(report.getString("state")).isEqualTo("OPEN");
            var item = item(report, user, "payments-operator").orElseThrow(() ->
                    new AssertionError("the standing assignment is no item of " + report));
            assertThat(item.getString("reviewer")).as("the entitlement's owner").isEqualTo("bob");
            assertThat(item.getString("kind")).isEqualTo("STANDING_ASSIGNMENT");
            assertThat(item.getJsonObject("evidence").getString("summary")).contains("session(s)");
            var nhi = item(report, "service-account-ci-deployer", "ci-deployer").orElseThrow(() ->
                    new AssertionError("the ci-deployer credential is no item of " + report));
            assertThat(nhi.getString("kind")).isEqualTo("NHI_CREDENTIAL");
            assertThat(nhi.getString("reviewer")).as("the NHI's owner").isEqualTo("alice");

            var id = item.getString("id");
            assertThat(decide("carol", id, "{\"decision\":\"REVOKE\"}").statusCode())
                    .as("not carol's item").isEqualTo(403);
            var keepWithoutReason = decide("bob", id, "{\"decision\":\"KEEP\",\"reason\":\" \"}");
            assertThat(keepWithoutReason.statusCode()).isEqualTo(400);
            assertThat(keepWithoutReason.body()).contains("reason");
            assertThat(decide("bob", id, "{\"decision\":\"SOMETIMES\"}").statusCode()).isEqualTo(400);
            assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).as("nothing changed yet").isTrue();

            var revoked = decide("bob", id, "{\"decision\":\"REVOKE\"}");

            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).as("removed in Keycloak")
                    .isFalse();
            var after = item(report("bob", campaign), user, "payments-operator").orElseThrow();
            assertThat(after.getString("decision")).isEqualTo("REVOKE");
            assertThat(after.getString("decidedBy")).isEqualTo("bob");
            assertThat(decide("bob", id, "{\"decision\":\"KEEP\",\"reason\":\"again\"}").statusCode())
                    .as("decided once").isEqualTo(409);
            assertThat(Http.get("/api/v1/reviews/campaigns/" + campaign, token("frank")).statusCode())
                    .as("frank owns nothing under review: no reviewer of this campaign").isEqualTo(404);
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    @Test
    void aMissedDeadlineOnAFailClosedEntitlementRevokes() {
        var user = person();
        KeycloakAdmin.assignRealmRole(user, "prod-db-admin");
        try {
            var badDeadline = Http.post("/api/v1/reviews/campaigns", token("erin"),
                    "{\"scope\":[\"prod-db-admin\"],\"deadline\":\"soon\"}");
            assertThat(badDeadline.statusCode()).isEqualTo(400);
            assertThat(badDeadline.body()).contains("deadline");

            assertThat(Http.get("/api/v1/entitlements", token("erin")).body())
                    .contains("\"name\":\"prod-db-admin\"").contains("\"reviewFailureMode\":\"FAIL_CLOSED\"");
            var badMode = Http.put("/api/v1/entitlements/prod-db-admin", token("admin"),
                    "{\"riskTier\":\"HIGH\",\"reviewFailureMode\":\"SOMETIMES\"}");
            assertThat(badMode.statusCode()).isEqualTo(400);
            assertThat(badMode.body()).contains("reviewFailureMode");

            var campaign = start("erin", "{\"scope\":[\"prod-db-admin\"],\"deadline\":\"PT5S\"}");
            var item = item(report("erin", campaign), user, "prod-db-admin").orElseThrow();
            assertThat(item.getString("failureMode")).isEqualTo("FAIL_CLOSED");

            await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                    .until(() -> !KeycloakAdmin.holdsRealmRole(user, "prod-db-admin"));
            await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                    .until(() -> "CLOSED".equals(report("erin", campaign).getString("state")));
            var closed = report("erin", campaign);
            var after = item(closed, user, "prod-db-admin").orElseThrow();
            assertThat(after.getString("state")).isEqualTo("REVOKED_AT_DEADLINE");
            assertThat(after.getString("decision")).isEqualTo("REVOKE");
            assertThat(closed.getJsonObject("counts").getInt("REVOKED_AT_DEADLINE")).isGreaterThanOrEqualTo(1);
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    @Test
    void aMissedDeadlineOnAFailOpenEntitlementKeepsMarksOverdueAndEscalates() {
        var user = person();
        KeycloakAdmin.assignRealmRole(user, "payments-operator");
        try {
            var campaign = start("erin", "{\"scope\":[\"payments-operator\"],\"deadline\":\"PT5S\"}");
            await().atMost(SOON).untilAsserted(() -> assertThat(Http.get("/api/v1/messages", token("bob")).body())
                    .as("bob is asked").contains("Access review: ").contains(user));

            await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                    .until(() -> "CLOSED".equals(report("erin", campaign).getString("state")));
            var item = item(report("erin", campaign), user, "payments-operator").orElseThrow();
            assertThat(item.getString("state")).isEqualTo("OVERDUE");
            assertThat(item.containsKey("decision") && !item.isNull("decision")).as("no decision").isFalse();
            assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).as("kept").isTrue();
            await().atMost(SOON).untilAsserted(() -> assertThat(Http.get("/api/v1/messages", token("admin")).body())
                    .as("escalated to the fallback reviewer").contains("Overdue access review").contains(user));

            var late = decide("bob", item.getString("id"), "{\"decision\":\"REVOKE\"}");
            assertThat(late.statusCode()).as("an overdue item may still be decided").isEqualTo(200);
            assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).isFalse();
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    @Test
    void convertToJitRemovesTheStandingAssignmentAndTheIdentityCanStillRequestAWrit() {
        var user = person();
        KeycloakAdmin.assignRealmRole(user, "billing-read");
        try {
            var campaign = start("admin", "{\"scope\":[\"billing-*\"]}");
            var item = item(report("admin", campaign), user, "billing-read").orElseThrow();

            var converted = decide("bob", item.getString("id"), "{\"decision\":\"CONVERT_TO_JIT\"}");

            assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
            assertThat(KeycloakAdmin.holdsRealmRole(user, "billing-read")).isFalse();
            var writ = Writs.request(KeycloakTokens.forUser(user, user), "billing-read", Writs.openTicket(), 30);
            assertThat(writ.statusCode()).as(writ.body()).isEqualTo(201);
            var writId = Json.string(writ.body(), "id");
            Http.post("/api/v1/requests/" + writId + "/cancel", KeycloakTokens.forUser(user, user), "");
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    @Test
    void theRequesterConfirmsUseAfterTheWritEndsAndTheAnswerIsEvidenceInTheNextCampaign() {
        endActiveWrits("alice", "billing-read"); // one held through a writ is no standing item
        // LOW on an open ticket: approved at once
        var writ = Writs.submitted(token("alice"), "billing-read", Writs.openTicket(), 30);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        var early = Http.post("/api/v1/requests/" + writ + "/post-access-review", token("alice"),
                "{\"usedAsIntended\":true}");
        assertThat(early.statusCode()).as("asked once the access is revoked").isEqualTo(409);
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);

        assertThat(Http.get("/api/v1/requests?postAccessReviewDue=true", token("alice")).body()).contains(writ);
        await().atMost(SOON).untilAsserted(() -> assertThat(Http.get("/api/v1/messages", token("alice")).body())
                .as("alice is asked").contains("Was it used as intended?").contains(writ));
        try (var alice = Person.signIn("alice")) {
            alice.open("/writs.xhtml", By.id("writs"));
            var card = alice.waitFor(By.cssSelector("article[data-writ='" + writ + "']"), "the post-access review");
            assertThat(card.getText()).contains("billing-read");
            card.findElement(By.cssSelector(".writ-not-as-intended")).click();
            alice.waitFor(By.cssSelector("article[data-writ='" + writ + "'] .ui-message-error"),
                    "the comment's field message");
            alice.screenshot("writs-post-access-review");
        }
        var review = "/api/v1/requests/" + writ + "/post-access-review";
        var noComment = Http.post(review, token("alice"), "{\"usedAsIntended\":false}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        assertThat(Http.post(review, token("frank"), "{\"usedAsIntended\":true}").statusCode())
                .as("not frank's writ").isEqualTo(403);
        var answered = Http.post(review, token("alice"),
                "{\"usedAsIntended\":false,\"comment\":\"also exported an invoice batch\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("\"usedAsIntended\":false").contains("invoice batch");
        assertThat(Http.get("/api/v1/requests?postAccessReviewDue=true", token("alice")).body())
                .doesNotContain(writ);

        KeycloakAdmin.assignRealmRole("alice", "billing-read");
        try {
            var standing = Writs.request(token("alice"), "billing-read", Writs.openTicket(), 30);
            assertThat(standing.statusCode()).as("a writ would end by removing what Writ never granted")
                    .isEqualTo(400);
            assertThat(standing.body()).contains("\"field\":\"entitlement\"")
                    .contains("alice already holds billing-read standing");
            var campaign = start("erin", "{\"scope\":[\"billing-read\"]}");
            var item = item(report("erin", campaign), "alice", "billing-read").orElseThrow();
            assertThat(item.getJsonObject("evidence").getString("postAccessReviews"))
                    .contains("not").contains("invoice batch");
            assertThat(decide("bob", item.getString("id"), "{\"decision\":\"REVOKE\"}").statusCode())
                    .isEqualTo(200);
        } finally {
            if (KeycloakAdmin.holdsRealmRole("alice", "billing-read")) {
                KeycloakAdmin.unassignRealmRole("alice", "billing-read");
            }
        }
    }

    @Test
    void theReviewerKeepsAnItemOnTheReviewsPageWithTheEvidenceBesideIt() {
        var user = person();
        KeycloakAdmin.assignRealmRole(user, "payments-operator");
        try {
            start("erin", "{\"scope\":[\"payments-operator\"]}");
            try (var bob = Person.signIn("bob")) {
                bob.open("/reviews.xhtml", By.id("reviews"));
                var card = bob.waitFor(By.cssSelector("article[data-identity='" + user + "']"), "the item's card");
                assertThat(card.getText()).contains("payments-operator").contains("session(s)")
                        .contains("kept, overdue and escalated (fail-open)");
                bob.screenshot("reviews");

                card.findElement(By.cssSelector(".writ-keep")).click();
                bob.waitFor(By.cssSelector("article[data-identity='" + user + "'] .ui-message-error"),
                        "the reason's field message");
                assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).isTrue();

                var again = bob.waitFor(By.cssSelector("article[data-identity='" + user + "']"), "the card");
                again.findElement(By.cssSelector("textarea.writ-reason")).sendKeys("runs the payments on-call");
                again.findElement(By.cssSelector(".writ-keep")).click();
                await().atMost(SOON).until(() -> bob.browser
                        .findElements(By.cssSelector("article[data-identity='" + user + "']")).isEmpty());
                assertThat(bob.text(By.id("reviews:messages"))).contains("KEEP recorded");
                bob.screenshot("reviews-kept");
            }
            assertThat(KeycloakAdmin.holdsRealmRole(user, "payments-operator")).as("kept").isTrue();
            try (var alice = Person.signIn("alice")) {
                assertThat(alice.status("/reviews.xhtml")).as("any portal role opens the page").isEqualTo(200);
            }
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    /** Ends the user's active writs for the entitlement, left over from an earlier run on the same database. */
    private static void endActiveWrits(String user, String entitlement) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(
                Http.get("/api/v1/requests?mine=true", token(user)).body()))) {
            reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(w -> "ACTIVE".equals(w.getString("status")) && entitlement.equals(w.getString("entitlement")))
                    .forEach(w -> {
                        Http.post("/api/v1/requests/" + w.getString("id") + "/end", token(user), "");
                        awaitRevoked(user, w.getString("id"), SOON);
                    });
        }
    }

    @Test
    void theItemsAReviewerOwesComeAPageAtATimeWithHowManyInAll() {
        var one = Http.get("/api/v1/reviews/items?size=1", token("admin"));
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        var total = Long.parseLong(one.headers().firstValue("X-Total-Count").orElseThrow());
        try (var reader = jakarta.json.Json.createReader(new StringReader(one.body()))) {
            assertThat(reader.readArray()).hasSize((int) Math.min(1, total));
        }

        var refused = Http.get("/api/v1/reviews/items?size=501&page=-1", token("admin"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"size\"").contains("\"field\":\"page\"");
    }

    @Test
    void aCampaignsReportComesAPageAtATimeWithItsCountsOverAllItsItems() {
        var people = List.of(person(), person());
        people.forEach(user -> KeycloakAdmin.assignRealmRole(user, "payments-operator"));
        try {
            var campaign = start("erin", "{\"scope\":[\"payments-operator\"]}");
            var whole = report("erin", campaign);
            long total = whole.getJsonNumber("itemCount").longValue();
            assertThat(total).as("at least the two standing assignments").isGreaterThanOrEqualTo(2);

            var second = Http.get("/api/v1/reviews/campaigns/" + campaign + "?page=1&size=1", token("erin"));

            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(second.headers().firstValue("X-Total-Count")).contains(Long.toString(total));
            try (var reader = jakarta.json.Json.createReader(new StringReader(second.body()))) {
                var page = reader.readObject();
                assertThat(page.getJsonArray("items")).hasSize(1);
                assertThat(page.getJsonArray("items").getJsonObject(0).getString("id"))
                        .isEqualTo(whole.getJsonArray("items").getJsonObject(1).getString("id"));
                assertThat(page.getJsonObject("counts").getJsonNumber("OPEN").longValue())
                        .as("counted over every item, not the page").isEqualTo(total);
            }
            var refused = Http.get("/api/v1/reviews/campaigns/" + campaign + "?size=0&page=-1", token("erin"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"size\"").contains("\"field\":\"page\"");
        } finally {
            people.forEach(KeycloakAdmin::deleteUser);
        }
    }

    @Test
    void aCatalogueEntryKeycloakDoesNotKnowDoesNotStopTheCampaign() {
        var ghost = "ghost-role-" + System.nanoTime();
        var added = Http.post("/api/v1/entitlements", token("admin"), "{\"name\":" + Json.quote(ghost)
                + ",\"kind\":\"REALM_ROLE\",\"riskTier\":\"LOW\",\"maxMinutes\":60,\"approvalsRequired\":1,"
                + "\"approverGroup\":\"approver\",\"reviewCadenceDays\":90,\"owner\":\"bob\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        var campaign = start("erin", "{\"scope\":[\"" + ghost + "\",\"billing-read\"]}");

        assertThat(report("erin", campaign).getString("id")).isEqualTo(campaign);
    }

    private static String person() {
        var user = "standing-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createThirdPartyUser(user, "requester");
        return user;
    }

    private static String start(String user, String body) {
        var response = Http.post("/api/v1/reviews/campaigns", token(user), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.string(response.body(), "id");
    }

    private static java.net.http.HttpResponse<String> decide(String user, String itemId, String body) {
        return Http.post("/api/v1/reviews/items/" + itemId + "/decision", token(user), body);
    }

    private static JsonObject report(String user, String campaign) {
        var response = Http.get("/api/v1/reviews/campaigns/" + campaign + "?size=500", token(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Optional<JsonObject> item(JsonObject report, String identity, String entitlement) {
        return report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("identity").equals(identity) && i.getString("entitlement").equals(entitlement))
                .findFirst();
    }
}

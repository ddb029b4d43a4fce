package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.writ.web.it.SessionEvents.alertOn;
import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two or three people acting on one writ at the same moment, through the API, many times over (decisions, cancel,
 * end, ticket closure, an extension's decision, security's containment): every valid action counts, the writ ends in
 * one consistent state that Keycloak agrees with, each action is recorded once in an intact audit trail, and every
 * caller is answered with what happened: 200, the same 200 for the same action again, or 409 with the writ's state.
 * Never a 5xx.
 */
@ExtendWith(TestPortal.class)
class ConcurrentActionsIT {

    /** Each race is run this many times: a race that loses one time in three shows within a few rounds. */
    private static final int ROUNDS = 4;
    private static final Duration SOON = Duration.ofSeconds(30);

    @Test
    void twoApproversApprovingAtOnceBothCountAndTheWritIsGrantedOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);

            var answers = Race.atOnce(() -> decide("bob", writ, "APPROVE", "race " + writ),
                    () -> decide("carol", writ, "APPROVE", null));

            assertThat(answers).as("both approvals taken").extracting(HttpResponse::statusCode).containsOnly(200);
            var active = awaitStatus("alice", writ, "ACTIVE", SOON);
            assertThat(active).contains("\"approver\":\"bob\"").contains("\"approver\":\"carol\"");
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isTrue();
            assertThat(actions(writ)).as("each approval once, one grant")
                    .containsExactly("writ.submitted", "writ.policy-applied", "writ.approved", "writ.approved",
                            "writ.granted");
            endAndAwaitRevoked(writ);
        }
        assertTheAuditTrailIsIntact();
    }

    @Test
    void threeApproversClickingApproveAtOnceOnTheirPagesTwoAreTakenAndTheThirdIsToldItCameLate() throws Exception {
        var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);
        var approvers = new ArrayList<Person>();
        try {
            for (var approver : List.of("bob", "carol", "frank")) {
                // Three browsers and a busy portal on two cores: a click's answer may take longer than a form's.
                var person = Person.signIn(approver, Duration.ofSeconds(60));
                approvers.add(person);
                person.open("/inbox.xhtml", By.id("writ-" + writ));
            }
            var buttons = approvers.stream()
                    .map(person -> person.steady(By.cssSelector("#writ-" + writ + " .writ-approve"), "Approve"))
                    .toList();
            var barrier = new CyclicBarrier(approvers.size());
            var threads = Executors.newFixedThreadPool(approvers.size());
            var clicks = IntStream.range(0, approvers.size()).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the clicks did not start together", e);
                }
                // The button's own click, dispatched on the element: a pointer click aimed at it on a page that
                // re-laid itself out meanwhile can land beside it, and nothing is sent (seen in 2 of 8 runs: a page
                // still without an answer after 60 s, and no failure in the portal's log).
                ((JavascriptExecutor) approvers.get(i).browser).executeScript("arguments[0].click();", buttons.get(i));
                try {
                    return approvers.get(i).waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info, "
                            + "#inbox\\:messages .ui-messages-error"), "what the page says of the click").getText();
                } catch (AssertionError noAnswer) {
                    // the click's request still in flight after a minute: what was the portal doing meanwhile?
                    var console = approvers.get(i).browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .map(LogEntry::getMessage).toList();
                    throw new AssertionError(noAnswer.getMessage() + "\n" + PortalThreads.dump("race-click")
                            + "\nthe page's console: " + console, noAnswer);
                }
            }, threads)).toList();
            var said = clicks.stream().map(CompletableFuture::join).toList();
            threads.shutdown();

            assertThat(said).as("two decisions taken").filteredOn(text -> text.contains("approve recorded")).hasSize(2);
            assertThat(said).as("the third came to an approved writ and is told so")
                    .filteredOn(text -> text.contains("awaits no decision")).hasSize(1);
            awaitStatus("alice", writ, "ACTIVE", SOON);
            assertThat(actions(writ)).filteredOn("writ.approved"::equals).hasSize(2);
        } finally {
            approvers.forEach(Person::close);
            endIfActive(writ); // also when the test failed: no later test may find alice's role kept by it
        }
        awaitRevoked("alice", writ, SOON);
    }

    @Test
    void theSameApprovalFourTimesAtOnceCountsOnceAndEveryClickIsAnsweredAlike() {
        for (int round = 0; round < ROUNDS; round++) {
            var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);
            Supplier<HttpResponse<String>> click = () -> decide("bob", writ, "APPROVE", null);

            var answers = Race.atOnce(click, click, click, click);

            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
            assertThat(answers).allSatisfy(a -> assertThat(Json.string(a.body(), "status")).isEqualTo("PENDING_APPROVAL"));
            assertThat(actions(writ)).filteredOn("writ.approved"::equals).as("one approval, not four").hasSize(1);
            assertThat(Writs.status("alice", writ)).isEqualTo("PENDING_APPROVAL");
            cancel(writ);
        }
    }

    @Test
    void cancelAgainstApproveEndsOneWayAndTheLoserIsToldHow() {
        for (int round = 0; round < ROUNDS; round++) {
            var writ = submitted(token("alice"), "payments-operator", openTicket(), 30);

            var answers = Race.atOnce(() -> cancel(writ), () -> decide("bob", writ, "APPROVE", null));

            assertNoServerError(answers);
            var cancelled = answers.get(0).statusCode() == 200;
            if (cancelled) {
                assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(409);
                assertThat(Json.string(answers.get(1).body(), "state")).isEqualTo("CANCELLED");
                assertThat(Writs.status("alice", writ)).isEqualTo("CANCELLED");
                assertThat(actions(writ)).contains("writ.cancelled").doesNotContain("writ.approved", "writ.granted");
            } else {
                assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(409);
                assertThat(answers.get(1).statusCode()).isEqualTo(200);
                awaitStatus("alice", writ, "ACTIVE", SOON);
                assertThat(actions(writ)).contains("writ.approved").doesNotContain("writ.cancelled");
                endAndAwaitRevoked(writ);
            }
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "payments-operator")).isFalse();
        }
    }

    @Test
    void endEndAndTicketClosedTogetherEndItOnceAndTheRoleGoes() {
        for (int round = 0; round < ROUNDS; round++) {
            var ticket = openTicket();
            var writ = activeBillingRead(ticket);

            var answers = Race.atOnce(() -> end(writ), () -> end(writ),
                    () -> Http.post("/api/v1/tickets/" + ticket + "/close", token("admin"), ""));

            assertNoServerError(answers);
            assertThat(answers.get(2).statusCode()).as("closing the ticket is always taken").isEqualTo(200);
            answers.subList(0, 2).forEach(answer -> {
                if (answer.statusCode() == 409) {
                    assertThat(Json.string(answer.body(), "state")).as("ended by the ticket first").isEqualTo("ENDED");
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                }
            });
            var ended = awaitRevoked("alice", writ, SOON);
            assertThat(Json.string(ended, "status")).isEqualTo("ENDED");
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "billing-read")).isFalse();
            assertThat(actions(writ)).as("ended once, revoked once").filteredOn(a -> a.startsWith("writ.end")
                    || a.equals("writ.revoked")).containsExactly("writ.end-requested", "writ.revoked");
        }
        assertTheAuditTrailIsIntact();
    }

    @Test
    void anExtensionDecidedWhileTheWritEndsLeavesItEndedWithItsEndOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            var writ = activeBillingRead(openTicket());
            var asked = Http.post("/api/v1/requests/" + writ + "/extension", token("alice"), "{\"minutes\":30}");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);

            var answers = Race.atOnce(() -> Http.post("/api/v1/requests/" + writ + "/extension/decisions", token("bob"),
                    "{\"decision\":\"APPROVE\",\"comment\":null}"), () -> end(writ));

            assertNoServerError(answers);
            assertThat(answers.get(1).statusCode()).as("the requester's end is always taken").isEqualTo(200);
            if (answers.get(0).statusCode() != 200) {
                assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(409);
                assertThat(Json.string(answers.get(0).body(), "state")).isEqualTo("ENDED");
            }
            var ended = awaitRevoked("alice", writ, SOON);
            assertThat(Json.string(ended, "status")).isEqualTo("ENDED");
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "billing-read")).isFalse();
            assertThat(actions(writ)).filteredOn("writ.end-requested"::equals).hasSize(1);
        }
    }

    @Test
    void twoContainClicksWhileTheRequesterEndsEndTheWritOnceAndTheRoleGoes() {
        for (int round = 0; round < ROUNDS; round++) {
            var writ = activeBillingRead(openTicket(), "{\"targets\":[\"billing-db-*\"],\"commands\":[\"select*\"]}");
            var reported = SessionEvents.report(SessionEvents.event("bastion-" + UUID.randomUUID(), "alice", "COMMAND",
                    Instant.now(), "billing-db-1", "delete from invoices"));
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
            await().atMost(SOON).until(() -> !alertOn(writ).isEmpty());
            var alert = Json.string(alertOn(writ), "id");
            assertThat(Json.string(alertOn(writ), "state")).as("a LOW writ's alert waits for security")
                    .isEqualTo("OPEN");
            Supplier<HttpResponse<String>> contain = () -> Http.post("/api/v1/alerts/" + alert + "/contain",
                    token("dave"), "");

            var answers = Race.atOnce(contain, contain, () -> end(writ));

            assertNoServerError(answers);
            assertThat(answers.subList(0, 2)).as("containment is always taken").extracting(HttpResponse::statusCode)
                    .containsOnly(200);
            var ended = Json.string(awaitRevoked("alice", writ, SOON), "status");
            assertThat(ended).isIn("ENDED", "CONTAINED");
            if (answers.get(2).statusCode() != 200) {
                assertThat(answers.get(2).statusCode()).as(answers.get(2).body()).isEqualTo(409);
                assertThat(Json.string(answers.get(2).body(), "state")).isEqualTo("CONTAINED");
            }
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "billing-read")).isFalse();
            assertThat(actions(writ)).as("ended once, revoked once").filteredOn(a -> a.startsWith("writ.end")
                    || a.equals("writ.revoked")).containsExactly("writ.end-requested", "writ.revoked");
            await().atMost(SOON).until(() -> alertOn(writ).contains("\"state\":\"CONTAINED\""));
            assertThat(Json.string(alertOn(writ), "containment")).contains(ended.equals("CONTAINED")
                    ? "ended as CONTAINED" : "had already ended");
            assertThat(PortalDatabase.auditAbout("alert:" + alert)).extracting(PortalDatabase.AuditRow::action)
                    .as("contained once for two clicks")
                    .containsExactly("alert.raised", "alert.containment-started", "alert.contained");
            var triaged = Http.post("/api/v1/alerts/" + alert + "/triage", token("dave"),
                    "{\"outcome\":\"CONFIRM\",\"comment\":\"the race test's own\"}");
            assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
        }
        assertTheAuditTrailIsIntact();
    }

    private static void assertNoServerError(List<HttpResponse<String>> answers) {
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isLessThan(500));
    }

    // --- writs -----------------------------------------------------------------------------------------------------

    /** Alice's billing-read writ on that ticket, approved by bob and granted. */
    private static String activeBillingRead(String ticket) {
        return granted(submitted(token("alice"), "billing-read", ticket, 60));
    }

    /** The same, limited to a scope (JSON: targets and commands). */
    private static String activeBillingRead(String ticket, String scope) {
        var response = Http.post("/api/v1/requests", token("alice"), "{\"entitlement\":\"billing-read\","
                + "\"ticket\":" + Json.quote(ticket) + ",\"justification\":\"reconcile the invoices\","
                + "\"durationMinutes\":60,\"scope\":" + scope + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return granted(Json.string(response.body(), "id"));
    }

    private static String granted(String writ) {
        if ("PENDING_APPROVAL".equals(Writs.status("alice", writ))) {
            assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        }
        awaitStatus("alice", writ, "ACTIVE", SOON);
        return writ;
    }

    private static HttpResponse<String> end(String writ) {
        return Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "");
    }

    private static HttpResponse<String> cancel(String writ) {
        return Http.post("/api/v1/requests/" + writ + "/cancel", token("alice"), "");
    }

    /** Ends the writ if it is ACTIVE (or becomes so within a while): a test leaves no access behind. */
    private static void endIfActive(String writ) {
        try {
            awaitStatus("alice", writ, "ACTIVE", SOON);
        } catch (AssertionError | RuntimeException notGranted) {
            return;
        }
        end(writ);
    }

    private static void endAndAwaitRevoked(String writ) {
        assertThat(end(writ).statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
    }

    /** What the audit trail holds about the writ, in order. */
    private static List<String> actions(String writ) {
        return PortalDatabase.auditAbout("writ:" + writ).stream().map(PortalDatabase.AuditRow::action).toList();
    }

    private static void assertTheAuditTrailIsIntact() {
        var verdict = Http.get("/api/v1/audit/verify", token("dave"));
        assertThat(verdict.statusCode()).isEqualTo(200);
        assertThat(verdict.body()).contains("\"valid\":true");
    }
}

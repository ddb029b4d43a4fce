package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The writ's detail page in Chromium: alice follows her prod-db-admin writ from pending to active to ended on its
 * timeline, decisions, grant times and the live process diagram (bpmn-js, served from the WAR); an approver opens
 * it from the inbox; someone with no part in a writ learns nothing about it.
 */
@ExtendWith(TestPortal.class)
class WritDetailBrowserIT {

    private static final Duration SOON = Duration.ofSeconds(30);


    @Test
    void aliceFollowsHerWritFromPendingToActiveToEndedOnItsPage() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "prod-db-admin", ticket, 30);

        try (var alice = Person.signIn("alice")) {
            alice.open("/writs.xhtml", By.id("writs"));
            alice.browser.findElement(By.cssSelector("a.writ-detail-link[href$='id=" + writ + "']")).click();
            diagramDrawn(alice);
            assertThat(alice.browser.getCurrentUrl()).contains("/writ.xhtml?id=" + writ);
            assertThat(alice.text(By.id("writ-state"))).isEqualTo("PENDING_APPROVAL");
            assertThat(alice.text(By.cssSelector("#approval-progress-text .writ-approvals"))).isEqualTo("0 of 2");
            assertThat(alice.text(By.id("current-step"))).isEqualTo("Current step: Waiting for approvers to decide");
            assertThat(alice.browser.findElement(By.id("writ-diagram")).getAttribute("aria-label"))
                    .contains("Current step: Waiting for approvers to decide");
            assertThat(markers(alice, "Task_DecideElevation")).contains("writ-step-current");
            assertThat(markers(alice, "Task_ApplyPolicy")).contains("writ-step-done")
                    .doesNotContain("writ-step-current");
            assertThat(markers(alice, "Task_GrantAccess")).doesNotContain("writ-step-current", "writ-step-done");
            assertThat(timeline(alice)).startsWith("Submitted", "Policy applied");
            assertThat(alice.browser.findElements(By.id("writ:cancel"))).as("alice may withdraw her pending writ")
                    .isNotEmpty();
            assertThat(bpmnViewerServedFromThePortal(alice)).isTrue();
            alice.screenshot("writ-detail-pending");
        }

        try (var bob = Person.signIn("bob")) {
            bob.open("/inbox.xhtml", By.id("inbox"));
            bob.browser.findElement(By.cssSelector("#writ-" + writ + " a.writ-detail-link")).click();
            diagramDrawn(bob);
            assertThat(bob.text(By.id("writ-requester"))).isEqualTo("alice");
            assertThat(markers(bob, "Task_DecideElevation")).contains("writ-step-current");
            assertThat(bob.browser.findElements(By.cssSelector("#writ .writ-actions")))
                    .as("an approver sees the writ but none of the requester's actions").isEmpty();
            bob.screenshot("writ-detail-approver");
        }

        assertThat(decide("bob", writ, "APPROVE", "on the change plan").statusCode()).isEqualTo(200);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        try (var alice = Person.signIn("alice")) {
            alice.open("/writ.xhtml?id=" + writ, By.id("writ-title"));
            diagramDrawn(alice);
            assertThat(alice.text(By.id("writ-state"))).isEqualTo("ACTIVE");
            assertThat(alice.text(By.id("current-step"))).isEqualTo("Current step: Waiting for the window to end");
            assertThat(markers(alice, "Timer_WindowEnded")).as("the window's timer is the step a person waits on")
                    .contains("writ-step-current");
            assertThat(markers(alice, "Gateway_AwaitEnd")).contains("writ-step-current");
            assertThat(markers(alice, "Task_DecideElevation")).contains("writ-step-done")
                    .doesNotContain("writ-step-current");
            assertThat(markers(alice, "Task_GrantAccess")).contains("writ-step-done");
            assertThat(markers(alice, "Task_RevokeAccess")).doesNotContain("writ-step-current", "writ-step-done");
            assertThat(alice.text(By.cssSelector("#approval-progress-text .writ-approvals"))).isEqualTo("2 of 2");
            assertThat(alice.text(By.id("decisions"))).contains("bob · APPROVE").contains("on the change plan")
                    .contains("carol · APPROVE");
            assertThat(timeline(alice))
                    .containsSubsequence("Submitted", "Policy applied", "Approved", "Approved", "Granted");
            assertThat(alice.text(By.id("timeline"))).contains("by bob").contains("by carol");
            assertThat(alice.text(By.id("granted-at"))).endsWith("UTC");
            await().atMost(Duration.ofSeconds(3)).until(() -> alice.text(By.id("countdown")).contains("left"));
            alice.screenshot("writ-detail-active");

            alice.browser.findElement(By.id("writ:end-now")).click();
            alice.waitFor(By.cssSelector(".ui-confirmdialog-yes"), "the end-now confirmation").click();
            alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#writ\\:messages"),
                    "ended; access is being revoked"));
            assertThat(alice.text(By.id("writ-state"))).isEqualTo("ENDED");
            Writs.awaitRevoked("alice", writ, SOON);
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).isFalse();

            alice.open("/writ.xhtml?id=" + writ, By.id("writ-title"));
            diagramDrawn(alice);
            assertThat(alice.text(By.id("current-step"))).isEqualTo("Current step: Finished: Access revoked");
            assertThat(markers(alice, "Task_RevokeAccess")).contains("writ-step-done");
            assertThat(markers(alice, "End_Revoked")).contains("writ-step-done");
            assertThat(timeline(alice)).containsSubsequence("Granted", "End requested", "Revoked");
            assertThat(alice.text(By.id("revoked-at"))).endsWith("Z");
            alice.screenshot("writ-detail-ended");

            // The receipt: each step as measured, and, once Keycloak's records are read, its word on both changes.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                alice.open("/writ.xhtml?id=" + writ, By.id("receipt-status"));
                return alice.text(By.id("receipt-status")).startsWith("Complete");
            });
            assertThat(alice.text(By.id("receipt-steps"))).contains("role added").contains("read back absent")
                    .contains("Keycloak sessions logged out").contains("ms");
            assertThat(alice.text(By.id("receipt-grant-record"))).startsWith("CORROBORATED: event ");
            assertThat(alice.text(By.id("receipt-revocation-record"))).startsWith("CORROBORATED: event ");
            assertThat(alice.status("/receipt?id=" + writ)).as("the signed receipt, downloaded").isEqualTo(200);
            alice.screenshot("writ-detail-receipt");
        }
    }

    @Test
    void someoneWithNoPartInAWritLearnsNothingAboutIt() {
        var ticket = openTicket();
        var franks = submitted(token("frank"), "payments-operator", ticket, 30);

        try (var alice = Person.signIn("alice")) {
            alice.open("/writ.xhtml?id=" + franks, By.id("writ-missing"));

            assertThat(alice.text(By.id("writ-missing"))).contains("Writ not found, or not yours to see.");
            assertThat(alice.browser.getPageSource()).doesNotContain(ticket).doesNotContain("payments-operator")
                    .doesNotContain("bpmn:definitions");
            assertThat(alice.status("/writ.xhtml?id=" + franks)).isEqualTo(404);
            alice.screenshot("writ-detail-not-yours");

            alice.open("/writ.xhtml?id=no-such-writ", By.id("writ-missing"));
            assertThat(alice.text(By.id("writ-missing"))).as("the same answer: existence is not revealed")
                    .contains("Writ not found, or not yours to see.");
            assertThat(alice.status("/writ.xhtml?id=no-such-writ")).isEqualTo(404);
        }
    }

    @Test
    void complianceReadsAnyWritButAnAdministratorMayNotOpenThePage() {
        var writ = submitted(token("frank"), "payments-operator", openTicket(), 30);

        try (var erin = Person.signIn("erin")) {
            erin.open("/writ.xhtml?id=" + writ, By.id("writ-title"));
            diagramDrawn(erin);
            assertThat(erin.text(By.id("writ-requester"))).isEqualTo("frank");
            assertThat(erin.browser.findElements(By.cssSelector("#writ .writ-actions"))).isEmpty();
            erin.screenshot("writ-detail-compliance");
        }

        try (var admin = Person.signIn("admin")) {
            admin.open("/writ.xhtml?id=" + writ, By.id("forbidden"));
            assertThat(admin.status("/writ.xhtml?id=" + writ)).isEqualTo(403);
            admin.screenshot("writ-detail-forbidden-admin");
        }
    }

    // --- the diagram -------------------------------------------------------------------------------------------

    /** Waits until bpmn-js has drawn the diagram (its container says so), or fails with what it said instead. */
    private static void diagramDrawn(Person person) {
        var diagram = person.waitFor(By.id("writ-diagram"), "the process diagram");
        person.wait.until(d -> diagram.getAttribute("data-state") != null);
        assertThat(diagram.getAttribute("data-state")).as(diagram.getText()).isEqualTo("ready");
    }

    /** The CSS classes of the diagram's shape for that BPMN element: bpmn-js puts its markers there. */
    private static String markers(Person person, String elementId) {
        return person.browser.findElement(By.cssSelector(
                "#writ-diagram g.djs-element[data-element-id='" + elementId + "']")).getAttribute("class");
    }

    /** Whether the page loaded the viewer from the portal itself, not from anywhere else. */
    private static boolean bpmnViewerServedFromThePortal(Person person) {
        var scripts = person.browser.findElements(By.tagName("script")).stream()
                .map(s -> s.getAttribute("src")).filter(src -> src != null && src.contains("bpmn")).toList();
        return !scripts.isEmpty() && scripts.stream().allMatch(src -> src.startsWith(TestEnvironment.portalUrl()))
                && person.status(scripts.get(0)) == 200;
    }

    private static List<String> timeline(Person person) {
        return person.browser.findElements(By.cssSelector("#timeline .writ-event-what")).stream()
                .map(WebElement::getText).toList();
    }
}

package io.writ.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @TempDir
    Path profiles;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aliceFollowsHerWritFromPendingToActiveToEndedOnItsPage() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "prod-db-admin", ticket, 30);

        signIn("alice");
        open("/writs.xhtml", By.id("writs"));
        browser.findElement(By.cssSelector("a.writ-detail-link[href$='id=" + writ + "']")).click();
        diagramDrawn();
        assertThat(browser.getCurrentUrl()).contains("/writ.xhtml?id=" + writ);
        assertThat(text(By.id("writ-state"))).isEqualTo("PENDING_APPROVAL");
        assertThat(text(By.cssSelector("#approval-progress-text .writ-approvals"))).isEqualTo("0 of 2");
        assertThat(text(By.id("current-step"))).isEqualTo("Current step: Waiting for approvers to decide");
        assertThat(browser.findElement(By.id("writ-diagram")).getAttribute("aria-label"))
                .contains("Current step: Waiting for approvers to decide");
        assertThat(markers("Task_DecideElevation")).contains("writ-step-current");
        assertThat(markers("Task_ApplyPolicy")).contains("writ-step-done").doesNotContain("writ-step-current");
        assertThat(markers("Task_GrantAccess")).doesNotContain("writ-step-current", "writ-step-done");
        assertThat(timeline()).startsWith("Submitted", "Policy applied");
        assertThat(browser.findElements(By.id("writ:cancel"))).as("alice may withdraw her pending writ").isNotEmpty();
        assertThat(bpmnViewerServedFromThePortal()).isTrue();
        Browser.screenshot(browser, "writ-detail-pending");

        signIn("bob");
        open("/inbox.xhtml", By.id("inbox"));
        browser.findElement(By.cssSelector("#writ-" + writ + " a.writ-detail-link")).click();
        diagramDrawn();
        assertThat(text(By.id("writ-requester"))).isEqualTo("alice");
        assertThat(markers("Task_DecideElevation")).contains("writ-step-current");
        assertThat(browser.findElements(By.cssSelector("#writ .writ-actions")))
                .as("an approver sees the writ but none of the requester's actions").isEmpty();
        Browser.screenshot(browser, "writ-detail-approver");

        assertThat(decide("bob", writ, "APPROVE", "on the change plan").statusCode()).isEqualTo(200);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        signIn("alice");
        open("/writ.xhtml?id=" + writ, By.id("writ-title"));
        diagramDrawn();
        assertThat(text(By.id("writ-state"))).isEqualTo("ACTIVE");
        assertThat(text(By.id("current-step"))).isEqualTo("Current step: Waiting for the window to end");
        assertThat(markers("Timer_WindowEnded")).as("the window's timer is the step a person waits on")
                .contains("writ-step-current");
        assertThat(markers("Gateway_AwaitEnd")).contains("writ-step-current");
        assertThat(markers("Task_DecideElevation")).contains("writ-step-done").doesNotContain("writ-step-current");
        assertThat(markers("Task_GrantAccess")).contains("writ-step-done");
        assertThat(markers("Task_RevokeAccess")).doesNotContain("writ-step-current", "writ-step-done");
        assertThat(text(By.cssSelector("#approval-progress-text .writ-approvals"))).isEqualTo("2 of 2");
        assertThat(text(By.id("decisions"))).contains("bob · APPROVE").contains("on the change plan")
                .contains("carol · APPROVE");
        assertThat(timeline()).containsSubsequence("Submitted", "Policy applied", "Approved", "Approved", "Granted");
        assertThat(text(By.id("timeline"))).contains("by bob").contains("by carol");
        assertThat(text(By.id("granted-at"))).endsWith("UTC");
        await().atMost(Duration.ofSeconds(3)).until(() -> text(By.id("countdown")).contains("left"));
        Browser.screenshot(browser, "writ-detail-active");

        browser.findElement(By.id("writ:end-now")).click();
        waitFor(By.cssSelector(".ui-confirmdialog-yes"), "the end-now confirmation").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#writ\\:messages"),
                "ended; access is being revoked"));
        assertThat(text(By.id("writ-state"))).isEqualTo("ENDED");
        Writs.awaitRevoked("alice", writ, SOON);
        assertThat(KeycloakAdminApi.holdsRealmRole("alice", "prod-db-admin")).isFalse();

        open("/writ.xhtml?id=" + writ, By.id("writ-title"));
        diagramDrawn();
        assertThat(text(By.id("current-step"))).isEqualTo("Current step: Finished: Access revoked");
        assertThat(markers("Task_RevokeAccess")).contains("writ-step-done");
        assertThat(markers("End_Revoked")).contains("writ-step-done");
        assertThat(timeline()).containsSubsequence("Granted", "End requested", "Revoked");
        assertThat(text(By.id("revoked-at"))).endsWith("Z");
        Browser.screenshot(browser, "writ-detail-ended");
    }

    @Test
    void someoneWithNoPartInAWritLearnsNothingAboutIt() {
        var ticket = openTicket();
        var franks = submitted(token("frank"), "payments-operator", ticket, 30);

        signIn("alice");
        open("/writ.xhtml?id=" + franks, By.id("writ-missing"));

        assertThat(text(By.id("writ-missing"))).contains("Writ not found, or not yours to see.");
        assertThat(browser.getPageSource()).doesNotContain(ticket).doesNotContain("payments-operator")
                .doesNotContain("bpmn:definitions");
        assertThat(status("/writ.xhtml?id=" + franks)).isEqualTo(404);
        Browser.screenshot(browser, "writ-detail-not-yours");

        open("/writ.xhtml?id=no-such-writ", By.id("writ-missing"));
        assertThat(text(By.id("writ-missing"))).as("the same answer: existence is not revealed")
                .contains("Writ not found, or not yours to see.");
        assertThat(status("/writ.xhtml?id=no-such-writ")).isEqualTo(404);
    }

    @Test
    void complianceReadsAnyWritButAnAdministratorMayNotOpenThePage() {
        var writ = submitted(token("frank"), "payments-operator", openTicket(), 30);

        signIn("erin");
        open("/writ.xhtml?id=" + writ, By.id("writ-title"));
        diagramDrawn();
        assertThat(text(By.id("writ-requester"))).isEqualTo("frank");
        assertThat(browser.findElements(By.cssSelector("#writ .writ-actions"))).isEmpty();
        Browser.screenshot(browser, "writ-detail-compliance");

        signIn("admin");
        browser.get(TestEnvironment.portalUrl() + "/writ.xhtml?id=" + writ);
        waitFor(By.id("forbidden"), "the 403 page");
        assertThat(status("/writ.xhtml?id=" + writ)).isEqualTo(403);
        Browser.screenshot(browser, "writ-detail-forbidden-admin");
    }

    // --- the diagram -------------------------------------------------------------------------------------------

    /** Waits until bpmn-js has drawn the diagram (its container says so), or fails with what it said instead. */
    private void diagramDrawn() {
        var diagram = waitFor(By.id("writ-diagram"), "the process diagram");
        wait.until(d -> diagram.getAttribute("data-state") != null);
        assertThat(diagram.getAttribute("data-state")).as(diagram.getText()).isEqualTo("ready");
    }

    /** The CSS classes of the diagram's shape for that BPMN element: bpmn-js puts its markers there. */
    private String markers(String elementId) {
        return browser.findElement(By.cssSelector("#writ-diagram g.djs-element[data-element-id='" + elementId + "']"))
                .getAttribute("class");
    }

    /** Whether the page loaded the viewer from the portal itself, not from anywhere else. */
    private boolean bpmnViewerServedFromThePortal() {
        var scripts = browser.findElements(By.tagName("script")).stream()
                .map(s -> s.getAttribute("src")).filter(src -> src != null && src.contains("bpmn")).toList();
        return !scripts.isEmpty() && scripts.stream().allMatch(src -> src.startsWith(TestEnvironment.portalUrl()))
                && ((Number) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status));", scripts.get(0))).intValue() == 200;
    }

    private List<String> timeline() {
        return browser.findElements(By.cssSelector("#timeline .writ-event-what")).stream()
                .map(WebElement::getText).toList();
    }

    // --- browser -----------------------------------------------------------------------------------------------

    /** Signs in on Keycloak's page in a fresh browser profile (the previous person's browser is closed). */
    private void signIn(String user) {
        closeBrowser();
        try {
            browser = Browser.open(Files.createTempDirectory(profiles, user));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Browser.signIn(browser, wait, user, user);
    }

    private void open(String page, By ready) {
        browser.get(TestEnvironment.portalUrl() + page);
        waitFor(ready, page);
    }

    /** The HTTP status the signed-in browser gets for a page. */
    private int status(String page) {
        return ((Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", page)).intValue();
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }
}

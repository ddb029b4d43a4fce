package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requester's and the approver's pages in Chromium against the real Keycloak login: request access, follow it
 * in My writs, decide in the inbox, end it; bad input, separation of duties and page roles. Each person signs in
 * in a fresh browser profile.
 */
@ExtendWith(TestPortal.class)
class PortalPagesBrowserIT {

    private static final Pattern WRIT_ID = Pattern.compile("Writ (\\S+) for prod-db-admin submitted");


    @Test
    void aliceAsksForProdDbAdminBobAndCarolApproveBobGrantsMoreTimeAliceEndsIt() {
        var earlier = submitted(token("alice"), "payments-operator", openTicket(), 15);
        assertThat(Http.post("/api/v1/requests/" + earlier + "/cancel", token("alice"), "").statusCode())
                .isEqualTo(200);
        var ticket = openTicket();

        String writ;
        try (var alice = Person.signIn("alice")) {
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("prod-db-admin");
            assertThat(alice.text(By.id("approvals-needed"))).isEqualTo("2");
            assertThat(alice.text(By.id("max-window"))).isEqualTo("240 min");
            assertThat(alice.text(By.id("request:tier"))).isEqualTo("HIGH");
            alice.browser.findElement(By.id("request:ticket")).sendKeys(ticket);
            alice.browser.findElement(By.id("request:justification"))
                    .sendKeys("rebuild the orders index after the failed migration");
            // The ticket was checked as it was typed: what the ticket system says of it shows beside it.
            assertThat(alice.waitFor(By.id("ticket-title"), "the ticket as the ticket system has it").getText())
                    .isEqualTo("integration test change");
            assertThat(alice.text(By.id("ticket-state"))).isEqualTo("open");
            alice.browser.findElement(By.id("request:targets")).sendKeys("orders-db-*");
            alice.browser.findElement(By.id("request:commands")).sendKeys("psql*, reindex*");
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("30");
            alice.screenshot("request-access-filled");
            alice.browser.findElement(By.id("request:submit")).click();

            var submittedMessage = alice.waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"), "My writs")
                    .getText();
            var matcher = WRIT_ID.matcher(submittedMessage);
            assertThat(matcher.find()).as(submittedMessage).isTrue();
            writ = matcher.group(1);
            assertThat(state(alice, ticket)).isEqualTo("PENDING_APPROVAL");
            assertThat(alice.row("writ-ticket", ticket).findElement(By.className("writ-approvals")).getText())
                    .isEqualTo("0 / 2");
            alice.screenshot("my-writs-pending");
        }

        try (var bob = Person.signIn("bob")) {
            bob.open("/inbox.xhtml", By.id("inbox"));
            var card = bob.waitFor(By.id("writ-" + writ), "alice's writ in bob's inbox");
            assertThat(card.findElement(By.className("writ-ticket")).getText()).isEqualTo(ticket);
            assertThat(card.findElement(By.className("writ-ticket-state")).getText()).isEqualTo("OPEN");
            assertThat(card.findElement(By.className("writ-requester")).getText()).isEqualTo("alice");
            assertThat(card.findElement(By.className("writ-approvals")).getText()).isEqualTo("0 of 2");
            assertThat(card.getText()).contains("orders-db-*").contains("psql*, reindex*");
            assertThat(card.findElement(By.className("writ-history")).getText()).contains("CANCELLED by alice");
            bob.scrollTo(card);
            bob.screenshot("inbox-bob");

            card.findElement(By.className("writ-reject")).click();
            assertThat(bob.waitFor(By.xpath("//*[@id='writ-" + writ + "']//*[contains(@class,'ui-message-error')]"),
                    "the comment's field error")
                    .getText()).contains("comment is required");
            bob.screenshot("inbox-reject-without-comment");
            assertThat(Writs.status("alice", writ)).as("a refused rejection changes nothing")
                    .isEqualTo("PENDING_APPROVAL");
            card = bob.browser.findElement(By.id("writ-" + writ));
            card.findElement(By.tagName("textarea")).sendKeys("the reindex is on the change plan");
            card.findElement(By.className("writ-approve")).click();
            assertThat(bob.waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "bob's decision").getText())
                    .contains(writ).contains("approve recorded; now PENDING_APPROVAL");
            assertThat(bob.browser.findElements(By.id("writ-" + writ))).as("bob decided; it no longer awaits him")
                    .isEmpty();
        }

        try (var carol = Person.signIn("carol")) {
            carol.open("/inbox.xhtml", By.id("inbox"));
            var card = carol.waitFor(By.id("writ-" + writ), "alice's writ in carol's inbox");
            assertThat(card.findElement(By.className("writ-approvals")).getText()).isEqualTo("1 of 2");
            carol.scrollTo(card);
            carol.screenshot("inbox-carol");
            card.findElement(By.className("writ-approve")).click();
            assertThat(carol.waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "carol's decision")
                    .getText()).contains(writ).contains("approve recorded; now APPROVED");
        }

        Instant endBefore;
        try (var alice = Person.signIn("alice")) {
            awaitActive(alice, ticket);
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).as("the role in Keycloak").isTrue();
            assertThat(alice.row("writ-ticket", ticket).findElement(By.className("writ-approvals")).getText())
                    .isEqualTo("2 / 2");
            assertThat(alice.row("writ-ticket", ticket).findElement(By.className("writ-ends-at")).getText())
                    .endsWith("UTC");
            await().atMost(Duration.ofSeconds(3)).until(() -> alice.row("writ-ticket", ticket)
                    .findElement(By.className("writ-countdown")).getText().contains("left"));
            alice.screenshot("my-writs-active");

            alice.row("writ-ticket", ticket).findElement(By.className("writ-extend")).click();
            alice.waitFor(By.id("extend:minutes_input"), "the extension dialog").sendKeys("15");
            alice.screenshot("my-writs-extension-dialog");
            alice.browser.findElement(By.id("extend:ask")).click();
            assertThat(alice.waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"), "the extension asked for")
                    .getText()).contains("extension of 15 min");
            assertThat(alice.row("writ-ticket", ticket).getText()).contains("Extension: 15 more min: PENDING");
            endBefore = Instant.parse(Json.string(Writs.read("alice", writ), "expiresAt"));
        }

        try (var bob = Person.signIn("bob")) {
            bob.open("/inbox.xhtml", By.id("inbox"));
            var extension = bob.waitFor(By.id("extension-" + writ), "alice's extension in bob's inbox");
            assertThat(extension.getText()).contains("15 more min: PENDING").contains(ticket);
            bob.scrollTo(extension);
            bob.screenshot("inbox-extension-bob");
            extension.findElement(By.className("writ-approve-extension")).click();
            assertThat(bob.waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "the extension granted")
                    .getText()).contains(writ).contains("extension approved");
            assertThat(Instant.parse(Json.string(Writs.read("alice", writ), "expiresAt")))
                    .isEqualTo(endBefore.plus(Duration.ofMinutes(15)));
        }

        try (var alice = Person.signIn("alice")) {
            awaitActive(alice, ticket);
            assertThat(alice.row("writ-ticket", ticket).getText()).contains("Extension: 15 more min: APPROVED");
            alice.row("writ-ticket", ticket).findElement(By.className("writ-end-now")).click();
            alice.waitFor(By.cssSelector(".ui-confirmdialog-yes"), "the end-now confirmation").click();
            alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#writs\\:messages .ui-messages-info"), "ended; access is being revoked"));
            assertThat(state(alice, ticket)).isEqualTo("ENDED");
            Writs.awaitRevoked("alice", writ, Duration.ofSeconds(30));
            assertThat(KeycloakAdmin.holdsRealmRole("alice", "prod-db-admin")).as("the role in Keycloak")
                    .isFalse();
            alice.open("/writs.xhtml", By.id("writs"));
            assertThat(alice.row("writ-ticket", ticket).getText()).contains("ended by requester (alice)");
            alice.screenshot("my-writs-ended");
        }
    }

    @Test
    void aMalformedTicketAndATooLongWindowShowFieldErrorsAndCreateNothing() {
        try (var alice = Person.signIn("alice")) {
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("prod-db-admin");
            alice.browser.findElement(By.id("request:ticket")).sendKeys("TICKET-42");
            alice.browser.findElement(By.id("request:justification")).sendKeys("a window longer than policy allows");
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("600");
            alice.browser.findElement(By.id("request:submit")).click();

            assertThat(alice.fieldError("input", "request:ticket").getText()).contains("TICKET-42");
            assertThat(alice.fieldError("input", "request:duration_input").getText()).contains("240");
            assertThat(alice.browser.getCurrentUrl()).contains("/request.xhtml");
            alice.screenshot("request-access-bad-ticket-and-duration");
        }
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body())
                .doesNotContain("a window longer than policy allows");
    }

    @Test
    void aSubmissionWithoutJustificationShowsTheFieldErrorAndCreatesNothing() {
        var ticket = openTicket();
        try (var alice = Person.signIn("alice")) {
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("payments-operator");
            alice.browser.findElement(By.id("request:ticket")).sendKeys(ticket);
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("30");
            alice.browser.findElement(By.id("request:submit")).click();

            var message = alice.fieldError("textarea", "request:justification");
            assertThat(message.getText()).contains("justification is required");
            assertThat(alice.browser.getCurrentUrl()).contains("/request.xhtml");
            alice.screenshot("request-access-field-error");
        }
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body()).doesNotContain(ticket);
    }

    @Test
    void aClickThePortalNeverAnswersIsSaidAtTheTopOfThePageAndCreatesNothing() {
        var ticket = openTicket();
        try (var alice = Person.signIn("alice")) {
            thirtyMinutesOfPaymentsOperator(alice, ticket, "settle the day's payments");
            var chromium = (org.openqa.selenium.chrome.ChromeDriver) alice.browser;
            chromium.executeCdpCommand("Network.enable", java.util.Map.of());
            // the click's request cut off in the browser: as a refusal or a failure of the portal would leave it
            chromium.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of("*/request.xhtml*")));
            try {
                alice.browser.findElement(By.id("request:submit")).click();

                var said = alice.waitFor(By.id("writ-click-failed"), "what the page says of a click left unanswered");
                assertThat(said.getText()).contains("did not take this action (no answer)")
                        .contains("nothing is known to have changed");
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    var where = (String) ((org.openqa.selenium.JavascriptExecutor) alice.browser).executeScript(
                            "var r = arguments[0].getBoundingClientRect(); "
                                    + "return r.top + ' ' + r.bottom + ' ' + innerHeight + ' ' + scrollY;", said);
                    var at = java.util.Arrays.stream(where.split(" ")).mapToDouble(Double::parseDouble).toArray();
                    assertThat(at[0] > -1 && at[1] < at[2] + 1)
                            .as("in view, though the button clicked was further down (top, bottom, window, scrolled: "
                                    + where + ")").isTrue();
                });
                alice.screenshot("request-access-click-unanswered");
            } finally {
                chromium.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of()));
            }
        }
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body()).doesNotContain(ticket);
    }

    @Test
    void breakGlassAsksForItsOwnConfirmationAndNoSubmitsNothing() {
        var ticket = openTicket();
        try (var alice = Person.signIn("alice")) {
            thirtyMinutesOfPaymentsOperator(alice, ticket, "production is down");

            alice.browser.findElement(By.cssSelector("#request\\:break-glass .ui-toggleswitch-slider")).click();
            alice.wait.until(ExpectedConditions.textToBe(By.id("request:submit"), "Break glass…"));
            alice.browser.findElement(By.id("request:submit")).click();

            var dialog = alice.waitFor(By.id("request:break-glass-confirm"), "the break-glass confirmation");
            assertThat(dialog.getText()).contains("granted at once without approval");
            alice.wait.until(ExpectedConditions.elementToBeClickable(By.id("request:confirm-no")));
            alice.screenshot("request-access-break-glass-confirm");
            alice.browser.findElement(By.id("request:confirm-no")).click();
            alice.wait.until(ExpectedConditions.invisibilityOf(dialog));
            assertThat(alice.browser.getCurrentUrl()).contains("/request.xhtml");
        }
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body()).doesNotContain(ticket);
    }

    @Test
    void frankNeitherSeesNorCanApproveHisOwnWritHoweverTheRequestIsCrafted() {
        var ticket = openTicket();
        var own = submitted(token("frank"), "payments-operator", ticket, 30);

        try (var frank = Person.signIn("frank")) {
            frank.open("/inbox.xhtml", By.id("inbox"));
            assertThat(frank.browser.findElements(By.id("writ-" + own))).isEmpty();
            assertThat(frank.browser.getPageSource()).doesNotContain(ticket);
            assertThat(frank.browser.findElements(By.id("nav-inbox"))).isNotEmpty();
            frank.screenshot("inbox-frank");

            // Crafted by hand from frank's signed-in browser: with his page session, then with his own bearer token.
            var decision = "{\"decision\":\"APPROVE\",\"comment\":\"crafted\"}";
            var withSession = crafted(frank, "/api/v1/requests/" + own + "/decisions", null, decision);
            assertThat(withSession).as("the API never acts on a page session").startsWith("401");
            var withToken = crafted(frank, "/api/v1/requests/" + own + "/decisions", token("frank"), decision);
            assertThat(withToken).startsWith("403").contains("you asked for");
        }
        var writ = Writs.read("frank", own);
        assertThat(Json.string(writ, "status")).isEqualTo("PENDING_APPROVAL");
        assertThat(writ).doesNotContain("crafted");
    }

    /** A POST sent by the page's own JavaScript, as someone editing requests in the browser would: "status body". */
    private static String crafted(Person person, String path, String bearer, String json) {
        return (String) ((JavascriptExecutor) person.browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var headers = {'Content-Type': 'application/json'};
                if (arguments[1]) { headers['Authorization'] = 'Bearer ' + arguments[1]; }
                fetch(arguments[0], {method: 'POST', headers: headers, body: arguments[2]})
                    .then(r => r.text().then(t => done(r.status + ' ' + t)));
                """, path, bearer, json);
    }

    @Test
    void aRequesterCannotOpenTheInbox() {
        try (var alice = Person.signIn("alice")) {
            assertThat(alice.browser.findElements(By.id("nav-inbox"))).as("no inbox link for a requester").isEmpty();

            alice.open("/inbox.xhtml", By.id("forbidden"));

            alice.screenshot("inbox-forbidden-alice");
            assertThat(alice.status("/inbox.xhtml")).isEqualTo(403);
        }
    }

    @Test
    void thePagesWrapOnANarrowScreen() {
        try (var alice = Person.signIn("alice")) {
            alice.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("payments-operator");
            alice.screenshot("request-access-narrow");
            var width = ((Number) ((JavascriptExecutor) alice.browser).executeScript(
                    "return document.documentElement.scrollWidth")).intValue();
            var wide = ((JavascriptExecutor) alice.browser).executeScript("return Array.from(document"
                    + ".querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 390).slice(0, 5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')");
            assertThat(width).as("no horizontal scrolling; too wide: " + wide).isLessThanOrEqualTo(390);
            alice.open("/writs.xhtml", By.id("writs"));
            alice.screenshot("my-writs-narrow");
        }
    }

    /** Opens My writs until the writ is ACTIVE: the grant runs in the background, within seconds. */
    /** The request form filled for payments-operator, 30 minutes, on that ticket, not yet submitted. */
    private static void thirtyMinutesOfPaymentsOperator(Person requester, String ticket, String justification) {
        requester.open("/request.xhtml", By.id("request:entitlement"));
        requester.chooseEntitlement("payments-operator");
        requester.browser.findElement(By.id("request:ticket")).sendKeys(ticket);
        requester.browser.findElement(By.id("request:duration_input")).sendKeys("30");
        requester.browser.findElement(By.id("request:justification")).sendKeys(justification);
    }

    private static void awaitActive(Person person, String ticket) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            person.open("/writs.xhtml", By.id("writs"));
            return "ACTIVE".equals(state(person, ticket));
        });
    }

    private static String state(Person person, String ticket) {
        return person.row("writ-ticket", ticket).findElement(By.className("writ-state")).getText();
    }
}

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
import java.time.Instant;
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

    @TempDir
    Path profiles;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aliceAsksForProdDbAdminBobAndCarolApproveBobGrantsMoreTimeAliceEndsIt() {
        var earlier = submitted(token("alice"), "payments-operator", openTicket(), 15);
        assertThat(Http.post("/api/v1/requests/" + earlier + "/cancel", token("alice"), "").statusCode())
                .isEqualTo(200);
        var ticket = openTicket();

        signIn("alice");
        open("/request.xhtml", By.id("request:entitlement"));
        choose("prod-db-admin");
        assertThat(text(By.id("approvals-needed"))).isEqualTo("2");
        assertThat(text(By.id("max-window"))).isEqualTo("240 min");
        assertThat(text(By.id("request:tier"))).isEqualTo("HIGH");
        browser.findElement(By.id("request:ticket")).sendKeys(ticket);
        browser.findElement(By.id("request:justification")).sendKeys("rebuild the orders index after the failed migration");
        browser.findElement(By.id("request:targets")).sendKeys("orders-db-*");
        browser.findElement(By.id("request:commands")).sendKeys("psql*, reindex*");
        browser.findElement(By.id("request:duration_input")).sendKeys("30");
        Browser.screenshot(browser, "request-access-filled");
        browser.findElement(By.id("request:submit")).click();

        var submittedMessage = waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"), "My writs").getText();
        var matcher = WRIT_ID.matcher(submittedMessage);
        assertThat(matcher.find()).as(submittedMessage).isTrue();
        var writ = matcher.group(1);
        assertThat(state(ticket)).isEqualTo("PENDING_APPROVAL");
        assertThat(row(ticket).findElement(By.className("writ-approvals")).getText()).isEqualTo("0 / 2");
        Browser.screenshot(browser, "my-writs-pending");

        signIn("bob");
        open("/inbox.xhtml", By.id("inbox"));
        var card = waitFor(By.id("writ-" + writ), "alice's writ in bob's inbox");
        assertThat(card.findElement(By.className("writ-ticket")).getText()).isEqualTo(ticket);
        assertThat(card.findElement(By.className("writ-ticket-state")).getText()).isEqualTo("OPEN");
        assertThat(card.findElement(By.className("writ-requester")).getText()).isEqualTo("alice");
        assertThat(card.findElement(By.className("writ-approvals")).getText()).isEqualTo("0 of 2");
        assertThat(card.getText()).contains("orders-db-*").contains("psql*, reindex*");
        assertThat(card.findElement(By.className("writ-history")).getText()).contains("CANCELLED by alice");
        scrollTo(card);
        Browser.screenshot(browser, "inbox-bob");

        card.findElement(By.className("writ-reject")).click();
        assertThat(waitFor(By.xpath("//*[@id='writ-" + writ + "']//*[contains(@class,'ui-message-error')]"),
                "the comment's field error")
                .getText()).contains("comment is required");
        Browser.screenshot(browser, "inbox-reject-without-comment");
        assertThat(Writs.status("alice", writ)).as("a refused rejection changes nothing").isEqualTo("PENDING_APPROVAL");
        card = browser.findElement(By.id("writ-" + writ));
        card.findElement(By.tagName("textarea")).sendKeys("the reindex is on the change plan");
        card.findElement(By.className("writ-approve")).click();
        assertThat(waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "bob's decision").getText())
                .contains(writ).contains("approve recorded; now PENDING_APPROVAL");
        assertThat(browser.findElements(By.id("writ-" + writ))).as("bob decided; it no longer awaits him").isEmpty();

        signIn("carol");
        open("/inbox.xhtml", By.id("inbox"));
        card = waitFor(By.id("writ-" + writ), "alice's writ in carol's inbox");
        assertThat(card.findElement(By.className("writ-approvals")).getText()).isEqualTo("1 of 2");
        scrollTo(card);
        Browser.screenshot(browser, "inbox-carol");
        card.findElement(By.className("writ-approve")).click();
        assertThat(waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "carol's decision").getText())
                .contains(writ).contains("approve recorded; now APPROVED");

        signIn("alice");
        awaitActive(ticket);
        assertThat(KeycloakAdminApi.holdsRealmRole("alice", "prod-db-admin")).as("the role in Keycloak").isTrue();
        assertThat(row(ticket).findElement(By.className("writ-approvals")).getText()).isEqualTo("2 / 2");
        assertThat(row(ticket).findElement(By.className("writ-ends-at")).getText()).endsWith("UTC");
        await().atMost(Duration.ofSeconds(3)).until(() ->
                row(ticket).findElement(By.className("writ-countdown")).getText().contains("left"));
        Browser.screenshot(browser, "my-writs-active");

        row(ticket).findElement(By.className("writ-extend")).click();
        waitFor(By.id("extend:minutes_input"), "the extension dialog").sendKeys("15");
        Browser.screenshot(browser, "my-writs-extension-dialog");
        browser.findElement(By.id("extend:ask")).click();
        assertThat(waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"), "the extension asked for")
                .getText()).contains("extension of 15 min");
        assertThat(row(ticket).getText()).contains("Extension: 15 more min: PENDING");
        var endBefore = Instant.parse(Json.string(Writs.read("alice", writ), "expiresAt"));

        signIn("bob");
        open("/inbox.xhtml", By.id("inbox"));
        var extension = waitFor(By.id("extension-" + writ), "alice's extension in bob's inbox");
        assertThat(extension.getText()).contains("15 more min: PENDING").contains(ticket);
        scrollTo(extension);
        Browser.screenshot(browser, "inbox-extension-bob");
        extension.findElement(By.className("writ-approve-extension")).click();
        assertThat(waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "the extension granted")
                .getText()).contains(writ).contains("extension approved");
        assertThat(Instant.parse(Json.string(Writs.read("alice", writ), "expiresAt")))
                .isEqualTo(endBefore.plus(Duration.ofMinutes(15)));

        signIn("alice");
        awaitActive(ticket);
        assertThat(row(ticket).getText()).contains("Extension: 15 more min: APPROVED");
        row(ticket).findElement(By.className("writ-end-now")).click();
        waitFor(By.cssSelector(".ui-confirmdialog-yes"), "the end-now confirmation").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#writs\\:messages .ui-messages-info"), "ended; access is being revoked"));
        assertThat(state(ticket)).isEqualTo("ENDED");
        Writs.awaitRevoked("alice", writ, Duration.ofSeconds(30));
        assertThat(KeycloakAdminApi.holdsRealmRole("alice", "prod-db-admin")).as("the role in Keycloak").isFalse();
        open("/writs.xhtml", By.id("writs"));
        assertThat(row(ticket).getText()).contains("ended by requester (alice)");
        Browser.screenshot(browser, "my-writs-ended");
    }

    @Test
    void aMalformedTicketAndATooLongWindowShowFieldErrorsAndCreateNothing() {
        signIn("alice");
        open("/request.xhtml", By.id("request:entitlement"));
        choose("prod-db-admin");
        browser.findElement(By.id("request:ticket")).sendKeys("TICKET-42");
        browser.findElement(By.id("request:justification")).sendKeys("a window longer than policy allows");
        browser.findElement(By.id("request:duration_input")).sendKeys("600");
        browser.findElement(By.id("request:submit")).click();

        assertThat(fieldError("input", "request:ticket").getText()).contains("TICKET-42");
        assertThat(fieldError("input", "request:duration_input").getText()).contains("240");
        assertThat(browser.getCurrentUrl()).contains("/request.xhtml");
        Browser.screenshot(browser, "request-access-bad-ticket-and-duration");
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body())
                .doesNotContain("a window longer than policy allows");
    }

    @Test
    void aSubmissionWithoutJustificationShowsTheFieldErrorAndCreatesNothing() {
        var ticket = openTicket();
        signIn("alice");
        open("/request.xhtml", By.id("request:entitlement"));
        choose("payments-operator");
        browser.findElement(By.id("request:ticket")).sendKeys(ticket);
        browser.findElement(By.id("request:duration_input")).sendKeys("30");
        browser.findElement(By.id("request:submit")).click();

        var message = fieldError("textarea", "request:justification");
        assertThat(message.getText()).contains("justification is required");
        assertThat(browser.getCurrentUrl()).contains("/request.xhtml");
        Browser.screenshot(browser, "request-access-field-error");
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body()).doesNotContain(ticket);
    }

    @Test
    void breakGlassAsksForItsOwnConfirmationAndNoSubmitsNothing() {
        var ticket = openTicket();
        signIn("alice");
        open("/request.xhtml", By.id("request:entitlement"));
        choose("payments-operator");
        browser.findElement(By.id("request:ticket")).sendKeys(ticket);
        browser.findElement(By.id("request:justification")).sendKeys("production is down");
        browser.findElement(By.id("request:duration_input")).sendKeys("30");

        browser.findElement(By.cssSelector("#request\\:break-glass .ui-toggleswitch-slider")).click();
        wait.until(ExpectedConditions.textToBe(By.id("request:submit"), "Break glass…"));
        browser.findElement(By.id("request:submit")).click();

        var dialog = waitFor(By.id("request:break-glass-confirm"), "the break-glass confirmation");
        assertThat(dialog.getText()).contains("granted at once without approval");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("request:confirm-no")));
        Browser.screenshot(browser, "request-access-break-glass-confirm");
        browser.findElement(By.id("request:confirm-no")).click();
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(browser.getCurrentUrl()).contains("/request.xhtml");
        assertThat(Http.get("/api/v1/requests?mine=true", token("alice")).body()).doesNotContain(ticket);
    }

    @Test
    void frankNeitherSeesNorCanApproveHisOwnWritHoweverTheRequestIsCrafted() {
        var ticket = openTicket();
        var own = submitted(token("frank"), "payments-operator", ticket, 30);

        signIn("frank");
        open("/inbox.xhtml", By.id("inbox"));
        assertThat(browser.findElements(By.id("writ-" + own))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(ticket);
        assertThat(browser.findElements(By.id("nav-inbox"))).isNotEmpty();
        Browser.screenshot(browser, "inbox-frank");

        // Crafted by hand from frank's signed-in browser: with his page session, then with his own bearer token.
        var decision = "{\"decision\":\"APPROVE\",\"comment\":\"crafted\"}";
        var withSession = crafted("/api/v1/requests/" + own + "/decisions", null, decision);
        assertThat(withSession).as("the API never acts on a page session").startsWith("401");
        var withToken = crafted("/api/v1/requests/" + own + "/decisions", token("frank"), decision);
        assertThat(withToken).startsWith("403").contains("you asked for");
        var writ = Writs.read("frank", own);
        assertThat(Json.string(writ, "status")).isEqualTo("PENDING_APPROVAL");
        assertThat(writ).doesNotContain("crafted");
    }

    /** A POST sent by the page's own JavaScript, as someone editing requests in the browser would: "status body". */
    private String crafted(String path, String bearer, String json) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var headers = {'Content-Type': 'application/json'};
                if (arguments[1]) { headers['Authorization'] = 'Bearer ' + arguments[1]; }
                fetch(arguments[0], {method: 'POST', headers: headers, body: arguments[2]})
                    .then(r => r.text().then(t => done(r.status + ' ' + t)));
                """, path, bearer, json);
    }

    @Test
    void aRequesterCannotOpenTheInbox() {
        signIn("alice");
        assertThat(browser.findElements(By.id("nav-inbox"))).as("no inbox link for a requester").isEmpty();

        browser.get(TestEnvironment.portalUrl() + "/inbox.xhtml");

        waitFor(By.id("forbidden"), "the 403 page");
        Browser.screenshot(browser, "inbox-forbidden-alice");
        var status = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0]; fetch('/inbox.xhtml').then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
    }

    @Test
    void thePagesWrapOnANarrowScreen() {
        signIn("alice");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/request.xhtml", By.id("request:entitlement"));
        choose("payments-operator");
        var width = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("no horizontal scrolling").isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "request-access-narrow");
        open("/writs.xhtml", By.id("writs"));
        Browser.screenshot(browser, "my-writs-narrow");
    }

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

    private void choose(String entitlement) {
        Browser.chooseEntitlement(browser, wait, entitlement);
    }

    /** The error message shown in the form field around the control. */
    private WebElement fieldError(String tag, String control) {
        return waitFor(By.xpath("//div[contains(@class,'writ-field')][.//" + tag + "[@id='" + control + "']]"
                + "//*[contains(@class,'ui-message-error')]"), "the field error of " + control);
    }

    /** Opens My writs until the writ is ACTIVE: the grant runs in the background, within seconds. */
    private void awaitActive(String ticket) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            open("/writs.xhtml", By.id("writs"));
            return "ACTIVE".equals(state(ticket));
        });
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
    }

    private WebElement row(String ticket) {
        return browser.findElement(By.xpath("//tr[.//span[@class='writ-ticket' and text()='" + ticket + "']]"));
    }

    private String state(String ticket) {
        return row(ticket).findElement(By.className("writ-state")).getText();
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }
}

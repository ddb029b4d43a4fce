package io.writ.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The administrator's pages in Chromium against the real Keycloak login: register and close tickets (closing ends
 * the writs they back), add entitlements to the catalogue; bad input shows field errors; only admins get in.
 */
@ExtendWith(TestPortal.class)
class AdminPagesBrowserIT {

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
    void adminRegistersATicketOnThePage() {
        var ref = "CHG-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        signIn("admin");
        browser.findElement(By.id("nav-tickets")).click();
        waitFor(By.id("register:ref"), "the tickets page").sendKeys(ref);
        browser.findElement(By.id("register:title")).sendKeys("rotate the payment keys");
        Browser.screenshot(browser, "admin-tickets-register-filled");
        browser.findElement(By.id("register:submit")).click();

        assertThat(waitFor(By.cssSelector("#register\\:messages .ui-messages-info"), "the registration").getText())
                .contains("Ticket " + ref + " registered: OPEN");
        assertThat(row(ref).getText()).contains("rotate the payment keys").contains("OPEN");
        Browser.screenshot(browser, "admin-tickets-registered");
        assertThat(Http.get("/api/v1/tickets", token("admin")).body()).contains("\"ref\":\"" + ref + "\"");
    }

    @Test
    void aMalformedReferenceShowsTheFieldErrorAndRegistersNothing() {
        var title = "malformed " + System.nanoTime();
        signIn("admin");
        open("/admin/tickets.xhtml", By.id("register:ref")).sendKeys("not a ticket");
        browser.findElement(By.id("register:title")).sendKeys(title);
        browser.findElement(By.id("register:submit")).click();

        var message = waitFor(By.xpath("//div[contains(@class,'writ-field')][.//input[@id='register:ref']]"
                + "//*[contains(@class,'ui-message-error')]"), "the reference's field error");
        assertThat(message.getText()).contains("ref expected the format");
        Browser.screenshot(browser, "admin-tickets-field-error");
        assertThat(Http.get("/api/v1/tickets", token("admin")).body()).doesNotContain(title);
    }

    @Test
    void adminAddsAnEntitlementAndSeesItInTheTableAndTheApi() {
        var name = "it-role-" + System.nanoTime();
        signIn("admin");
        browser.findElement(By.id("nav-entitlements")).click();
        waitFor(By.id("entitlement:name"), "the catalogue page").sendKeys(name);
        choose("entitlement:tier", "MEDIUM");
        browser.findElement(By.id("entitlement:max-minutes_input")).sendKeys("45");
        browser.findElement(By.id("entitlement:approvals_input")).sendKeys("1");
        browser.findElement(By.id("entitlement:approver-group")).sendKeys("approvers");
        browser.findElement(By.id("entitlement:review-cadence_input")).sendKeys("90");
        browser.findElement(By.id("entitlement:owner")).sendKeys("carol");
        Browser.screenshot(browser, "admin-entitlements-add-filled");
        browser.findElement(By.id("entitlement:add")).click();

        assertThat(waitFor(By.cssSelector("#entitlement\\:messages .ui-messages-info"), "the addition").getText())
                .contains("Entitlement " + name + " added");
        var row = entitlementRow(name);
        assertThat(row.getText()).contains("REALM_ROLE", "MEDIUM", "45", "approvers", "90 days", "carol", "LIGHT");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", row);
        Browser.screenshot(browser, "admin-entitlements-added");
        assertThat(Http.get("/api/v1/entitlements", token("admin")).body()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aMaximumOfZeroMinutesShowsTheFieldErrorAndAddsNothing() {
        var name = "it-role-" + System.nanoTime();
        signIn("admin");
        open("/admin/entitlements.xhtml", By.id("entitlement:name")).sendKeys(name);
        choose("entitlement:tier", "LOW");
        browser.findElement(By.id("entitlement:max-minutes_input")).sendKeys("0");
        browser.findElement(By.id("entitlement:approvals_input")).sendKeys("1");
        browser.findElement(By.id("entitlement:approver-group")).sendKeys("approvers");
        browser.findElement(By.id("entitlement:review-cadence_input")).sendKeys("90");
        browser.findElement(By.id("entitlement:owner")).sendKeys("carol");
        browser.findElement(By.id("entitlement:add")).click();

        var message = waitFor(By.xpath("//div[contains(@class,'writ-field')][.//input[@id='entitlement:max-minutes_input']]"
                + "//*[contains(@class,'ui-message-error')]"), "the maximum's field error");
        assertThat(message.getText()).contains("maxMinutes must be at least 1");
        Browser.screenshot(browser, "admin-entitlements-field-error");
        assertThat(Http.get("/api/v1/entitlements", token("admin")).body()).doesNotContain(name);
    }

    @Test
    void adminRevisesTheChosenEntitlementsPolicy() {
        var name = "it-role-" + System.nanoTime();
        var added = Http.post("/api/v1/entitlements", token("admin"), "{\"name\":" + Json.quote(name)
                + ",\"kind\":\"REALM_ROLE\",\"riskTier\":\"LOW\",\"maxMinutes\":60,\"approvalsRequired\":1,"
                + "\"approverGroup\":\"approver\",\"reviewCadenceDays\":90,\"owner\":\"bob\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        signIn("admin");
        open("/admin/entitlements.xhtml", By.id("catalogue"));
        entitlementRow(name).findElement(By.className("writ-revise")).click();
        wait.until(ExpectedConditions.textToBe(By.id("entitlement-heading"), "Revise " + name));
        assertThat(browser.findElement(By.id("entitlement:name")).isEnabled()).as("the name stays").isFalse();
        var minutes = browser.findElement(By.id("entitlement:max-minutes_input"));
        minutes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30");
        Browser.screenshot(browser, "admin-entitlements-revise");
        browser.findElement(By.id("entitlement:revise")).click();

        assertThat(waitFor(By.cssSelector("#entitlement\\:messages .ui-messages-info"), "the revision").getText())
                .contains("Entitlement " + name + " revised: LOW, at most 30 min");
        assertThat(entitlementRow(name).findElement(By.className("writ-max-minutes")).getText()).isEqualTo("30");
        var api = Pattern.compile("\\{[^{}]*\"name\":\"" + name + "\"[^{}]*}")
                .matcher(Http.get("/api/v1/entitlements", token("admin")).body());
        assertThat(api.find()).as("the entitlement in GET /api/v1/entitlements").isTrue();
        assertThat(api.group()).contains("\"maxMinutes\":30", "\"riskTier\":\"LOW\"");
    }

    @Test
    void closingATicketEndsTheWritItBacks() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "billing-read", ticket, 30); // LOW on an open ticket: approved at once
        Writs.awaitStatus("alice", writ, "ACTIVE", Duration.ofSeconds(30));

        signIn("admin");
        open("/admin/tickets.xhtml", By.id("tickets"));
        row(ticket).findElement(By.className("writ-close")).click();
        var dialog = waitFor(By.id("tickets:close-confirm"), "the close confirmation");
        assertThat(dialog.getText()).contains("end now and their access is revoked");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tickets:confirm-yes")));
        Browser.screenshot(browser, "admin-tickets-close-confirm");
        browser.findElement(By.id("tickets:confirm-yes")).click();

        assertThat(waitFor(By.cssSelector("#register\\:messages .ui-messages-info"), "the closing").getText())
                .contains("Ticket " + ticket + " closed; 1 writ ended: " + writ);
        assertThat(row(ticket).getText()).contains("CLOSED");
        assertThat(row(ticket).findElements(By.className("writ-close"))).isEmpty();
        Browser.screenshot(browser, "admin-tickets-closed");
        Writs.awaitRevoked("alice", writ, Duration.ofSeconds(30));
        assertThat(Writs.status("alice", writ)).isEqualTo("ENDED");
    }

    @Test
    void aRequesterCannotOpenTheAdminPages() {
        signIn("alice");
        assertThat(browser.findElements(By.id("nav-tickets"))).as("no admin links for a requester").isEmpty();
        assertThat(browser.findElements(By.id("nav-entitlements"))).isEmpty();

        browser.get(TestEnvironment.portalUrl() + "/admin/tickets.xhtml");

        waitFor(By.id("forbidden"), "the 403 page");
        Browser.screenshot(browser, "admin-tickets-forbidden-alice");
        for (var page : new String[]{"/admin/tickets.xhtml", "/admin/entitlements.xhtml"}) {
            var status = ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[1]; fetch(arguments[0]).then(r => done(r.status));", page);
            assertThat(((Number) status).intValue()).as(page).isEqualTo(403);
        }
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

    private WebElement open(String page, By ready) {
        browser.get(TestEnvironment.portalUrl() + page);
        return waitFor(ready, page);
    }

    /** Picks from a PrimeFaces menu; a click during the panel's opening animation can be lost, so it retries. */
    private void choose(String menu, String label) {
        var escaped = menu.replace(":", "\\:");
        var item = By.cssSelector("#" + escaped + "_items li[data-label='" + label + "']");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var shown = browser.findElements(item);
            if (shown.isEmpty() || !shown.get(0).isDisplayed()) {
                browser.findElement(By.id(menu)).click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            return new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions
                    .textToBePresentInElementLocated(By.id(menu + "_label"), label));
        });
    }

    private WebElement entitlementRow(String name) {
        return browser.findElement(By.xpath("//tr[.//span[@class='writ-entitlement' and text()='" + name + "']]"));
    }

    private WebElement row(String ticket) {
        return browser.findElement(By.xpath("//tr[.//span[@class='writ-ticket' and text()='" + ticket + "']]"));
    }

    private WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }
}

package io.writ.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /** One admin signed in for the whole class: a sign-in in a fresh browser is the slow part of each test. */
    private static Person admin;

    @BeforeAll
    static void adminSignsIn() {
        admin = Person.signIn("admin");
    }

    @AfterAll
    static void adminLeaves() {
        if (admin != null) {
            admin.close();
        }
    }

    /** The signed-in admin, back on the home page. */
    private static Person admin() {
        admin.open("/", By.id("nav-tickets"));
        return admin;
    }

    @Test
    void adminRegistersATicketOnThePage() {
        var ref = "CHG-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        {
            var admin = admin();
            admin.browser.findElement(By.id("nav-tickets")).click();
            admin.waitFor(By.id("register:ref"), "the tickets page").sendKeys(ref);
            assertThat(admin.text(By.id("ticket-system"))).isEqualTo("Tickets come from the built-in registry.");
            admin.browser.findElement(By.id("register:title")).sendKeys("rotate the payment keys");
            admin.screenshot("admin-tickets-register-filled");
            admin.browser.findElement(By.id("register:submit")).click();

            assertThat(admin.waitFor(By.cssSelector("#register\\:messages .ui-messages-info"), "the registration")
                    .getText()).contains("Ticket " + ref + " registered: OPEN");
            assertThat(admin.row("writ-ticket", ref).getText()).contains("rotate the payment keys").contains("OPEN");
            admin.screenshot("admin-tickets-registered");
        }
        assertThat(Http.get("/api/v1/tickets", token("admin")).body()).contains("\"ref\":\"" + ref + "\"");
    }

    @Test
    void aMalformedReferenceShowsTheFieldErrorAndRegistersNothing() {
        var title = "malformed " + System.nanoTime();
        {
            var admin = admin();
            admin.open("/admin/tickets.xhtml", By.id("register:ref")).sendKeys("not a ticket");
            admin.browser.findElement(By.id("register:title")).sendKeys(title);
            admin.browser.findElement(By.id("register:submit")).click();

            assertThat(admin.fieldError("input", "register:ref").getText()).contains("ref expected the format");
            admin.screenshot("admin-tickets-field-error");
        }
        assertThat(Http.get("/api/v1/tickets", token("admin")).body()).doesNotContain(title);
    }

    @Test
    void adminAddsAnEntitlementAndSeesItInTheTableAndTheApi() {
        var name = "it-role-" + System.nanoTime();
        {
            var admin = admin();
            admin.browser.findElement(By.id("nav-entitlements")).click();
            admin.waitFor(By.id("entitlement:name"), "the catalogue page").sendKeys(name);
            choose(admin, "entitlement:tier", "MEDIUM");
            admin.browser.findElement(By.id("entitlement:max-minutes_input")).sendKeys("45");
            admin.browser.findElement(By.id("entitlement:approvals_input")).sendKeys("1");
            admin.browser.findElement(By.id("entitlement:approver-group")).sendKeys("approvers");
            admin.browser.findElement(By.id("entitlement:review-cadence_input")).sendKeys("90");
            admin.browser.findElement(By.id("entitlement:owner")).sendKeys("carol");
            admin.screenshot("admin-entitlements-add-filled");
            admin.browser.findElement(By.id("entitlement:add")).click();

            assertThat(admin.waitFor(By.cssSelector("#entitlement\\:messages .ui-messages-info"), "the addition")
                    .getText()).contains("Entitlement " + name + " added");
            var row = admin.row("writ-entitlement", name);
            assertThat(row.getText()).contains("REALM_ROLE", "MEDIUM", "45", "approvers", "90 days", "carol", "LIGHT");
            admin.scrollTo(row);
            admin.screenshot("admin-entitlements-added");
        }
        assertThat(Http.get("/api/v1/entitlements", token("admin")).body()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aMaximumOfZeroMinutesShowsTheFieldErrorAndAddsNothing() {
        var name = "it-role-" + System.nanoTime();
        {
            var admin = admin();
            admin.open("/admin/entitlements.xhtml", By.id("entitlement:name")).sendKeys(name);
            choose(admin, "entitlement:tier", "LOW");
            admin.browser.findElement(By.id("entitlement:max-minutes_input")).sendKeys("0");
            admin.browser.findElement(By.id("entitlement:approvals_input")).sendKeys("1");
            admin.browser.findElement(By.id("entitlement:approver-group")).sendKeys("approvers");
            admin.browser.findElement(By.id("entitlement:review-cadence_input")).sendKeys("90");
            admin.browser.findElement(By.id("entitlement:owner")).sendKeys("carol");
            admin.browser.findElement(By.id("entitlement:add")).click();

            assertThat(admin.fieldError("input", "entitlement:max-minutes_input").getText())
                    .contains("maxMinutes must be at least 1");
            admin.screenshot("admin-entitlements-field-error");
        }
        assertThat(Http.get("/api/v1/entitlements", token("admin")).body()).doesNotContain(name);
    }

    @Test
    void adminRevisesTheChosenEntitlementsPolicy() {
        var name = "it-role-" + System.nanoTime();
        var added = Http.post("/api/v1/entitlements", token("admin"), "{\"name\":" + Json.quote(name)
                + ",\"kind\":\"REALM_ROLE\",\"riskTier\":\"LOW\",\"maxMinutes\":60,\"approvalsRequired\":1,"
                + "\"approverGroup\":\"approver\",\"reviewCadenceDays\":90,\"owner\":\"bob\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        {
            var admin = admin();
            admin.open("/admin/entitlements.xhtml", By.id("catalogue"));
            admin.row("writ-entitlement", name).findElement(By.className("writ-revise")).click();
            admin.wait.until(ExpectedConditions.textToBe(By.id("entitlement-heading"), "Revise " + name));
            assertThat(admin.browser.findElement(By.id("entitlement:name")).isEnabled()).as("the name stays")
                    .isFalse();
            var minutes = admin.browser.findElement(By.id("entitlement:max-minutes_input"));
            minutes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30");
            admin.screenshot("admin-entitlements-revise");
            admin.browser.findElement(By.id("entitlement:revise")).click();

            assertThat(admin.waitFor(By.cssSelector("#entitlement\\:messages .ui-messages-info"), "the revision")
                    .getText()).contains("Entitlement " + name + " revised: LOW, at most 30 min");
            assertThat(admin.row("writ-entitlement", name).findElement(By.className("writ-max-minutes"))
                    .getText()).isEqualTo("30");
        }
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

        {
            var admin = admin();
            admin.open("/admin/tickets.xhtml", By.id("tickets"));
            admin.row("writ-ticket", ticket).findElement(By.className("writ-close")).click();
            var dialog = admin.waitFor(By.id("tickets:close-confirm"), "the close confirmation");
            assertThat(dialog.getText()).contains("end now and their access is revoked");
            admin.wait.until(ExpectedConditions.elementToBeClickable(By.id("tickets:confirm-yes")));
            admin.screenshot("admin-tickets-close-confirm");
            admin.browser.findElement(By.id("tickets:confirm-yes")).click();

            assertThat(admin.waitFor(By.cssSelector("#register\\:messages .ui-messages-info"), "the closing")
                    .getText()).contains("Ticket " + ticket + " closed; 1 writ ended: " + writ);
            assertThat(admin.row("writ-ticket", ticket).getText()).contains("CLOSED");
            assertThat(admin.row("writ-ticket", ticket).findElements(By.className("writ-close"))).isEmpty();
            admin.screenshot("admin-tickets-closed");
        }
        Writs.awaitRevoked("alice", writ, Duration.ofSeconds(30));
        assertThat(Writs.status("alice", writ)).isEqualTo("ENDED");
    }

    @Test
    void aRequesterCannotOpenTheAdminPages() {
        try (var alice = Person.signIn("alice")) {
            assertThat(alice.browser.findElements(By.id("nav-tickets"))).as("no admin links for a requester")
                    .isEmpty();
            assertThat(alice.browser.findElements(By.id("nav-entitlements"))).isEmpty();

            alice.open("/admin/tickets.xhtml", By.id("forbidden"));

            alice.screenshot("admin-tickets-forbidden-alice");
            for (var page : new String[]{"/admin/tickets.xhtml", "/admin/entitlements.xhtml"}) {
                assertThat(alice.status(page)).as(page).isEqualTo(403);
            }
        }
    }

    /** Picks from a PrimeFaces menu; a click during the panel's opening animation can be lost, so it retries. */
    private static void choose(Person person, String menu, String label) {
        var escaped = menu.replace(":", "\\:");
        var item = By.cssSelector("#" + escaped + "_items li[data-label='" + label + "']");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var shown = person.browser.findElements(item);
            if (shown.isEmpty() || !shown.get(0).isDisplayed()) {
                person.browser.findElement(By.id(menu)).click();
            }
            person.wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            return new WebDriverWait(person.browser, Duration.ofSeconds(2)).until(ExpectedConditions
                    .textToBePresentInElementLocated(By.id(menu + "_label"), label));
        });
    }
}

package io.writ.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page per role in Chromium, watched while one writ goes from submitted to revoked: alice's writs in
 * motion, what awaits bob, and the oversight figures dave (security) and erin (compliance) read. Other tests share
 * the database, so figures are compared before and after rather than read as absolute numbers.
 */
@ExtendWith(TestPortal.class)
class DashboardBrowserIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path profiles;

    /** One signed-in browser per person, kept open for the test so each can reload their home page. */
    private final Map<String, WebDriver> browsers = new HashMap<>();

    @AfterEach
    void closeBrowsers() {
        browsers.values().forEach(WebDriver::quit);
        browsers.clear();
    }

    @Test
    void theFiguresOfEachRoleFollowAWritFromSubmissionToRevocation() {
        var alice = home("alice");
        int aliceActive = number(alice, "my-active-count");
        int aliceAwaiting = number(alice, "my-awaiting-count");
        assertThat(alice.findElements(By.id("oversight-figures"))).as("no oversight for a requester").isEmpty();
        assertThat(alice.findElements(By.id("approver-figures"))).isEmpty();
        var bob = home("bob");
        int bobAwaiting = number(bob, "awaiting-me-count");
        assertThat(bob.findElements(By.id("requester-figures"))).isEmpty();
        var dave = home("dave");
        int activeGrants = number(dave, "active-grants");
        int approved = number(dave, "approved-count");
        int revoked = number(dave, "revoked-count");
        int justInTime = privilege(dave, "prod-db-admin", "home-jit");
        int standing = privilege(dave, "prod-db-admin", "home-standing");

        var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);

        reload(alice);
        assertThat(number(alice, "my-awaiting-count")).isEqualTo(aliceAwaiting + 1);
        var waiting = alice.findElement(By.cssSelector(".home-awaiting-writ[data-writ='" + writ + "']"));
        assertThat(waiting.getText()).contains("prod-db-admin").contains("waiting on approver")
                .contains("(0 of 2 approvals)");
        Browser.screenshot(alice, "home-requester-awaiting");
        reload(bob);
        assertThat(number(bob, "awaiting-me-count")).isEqualTo(bobAwaiting + 1);
        assertThat(bob.findElement(By.id("oldest-awaiting")).getText()).startsWith("oldest waiting:");
        assertThat(bob.findElement(By.id("home-inbox-link")).getAttribute("href")).endsWith("/inbox.xhtml");
        Browser.screenshot(bob, "home-approver");

        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        reload(alice);
        assertThat(alice.findElement(By.cssSelector(".home-awaiting-writ[data-writ='" + writ + "']")).getText())
                .as("still waiting, since bob's approval").contains("(1 of 2 approvals)");
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        reload(alice);
        assertThat(number(alice, "my-active-count")).isEqualTo(aliceActive + 1);
        assertThat(number(alice, "my-awaiting-count")).isEqualTo(aliceAwaiting);
        var active = alice.findElement(By.cssSelector(".home-active-writ[data-writ='" + writ + "']"));
        new WebDriverWait(alice, Duration.ofSeconds(3)).until(d -> active.getText().contains("left"));
        Browser.screenshot(alice, "home-requester-active");
        reload(bob);
        assertThat(number(bob, "awaiting-me-count")).isEqualTo(bobAwaiting);

        KeycloakAdminApi.assignRealmRole("erin", "prod-db-admin"); // standing privilege, assigned by hand
        try {
            reload(dave);
            assertThat(number(dave, "active-grants")).isEqualTo(activeGrants + 1);
            assertThat(number(dave, "approved-count")).isEqualTo(approved + 1);
            assertThat(dave.findElement(By.id("mean-time-to-approve")).getText()).isNotEqualTo("—");
            assertThat(privilege(dave, "prod-db-admin", "home-jit")).isEqualTo(justInTime + 1);
            assertThat(privilege(dave, "prod-db-admin", "home-standing")).isEqualTo(standing + 1);
            assertThat(privilegeRow(dave, "prod-db-admin").getText()).contains("erin").doesNotContain("alice");
            assertThat(dave.findElement(By.cssSelector("#privilege-chart canvas")).getAttribute("aria-label"))
                    .contains("standing and just in time");
            assertThat(dave.findElements(By.cssSelector("#approval-chart canvas"))).isNotEmpty();
            Browser.screenshot(dave, "home-security");
        } finally {
            KeycloakAdminApi.unassignRealmRole("erin", "prod-db-admin");
        }

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
        reload(dave);
        assertThat(number(dave, "active-grants")).isEqualTo(activeGrants);
        assertThat(number(dave, "revoked-count")).isEqualTo(revoked + 1);
        assertThat(dave.findElement(By.id("mean-revocation-lag")).getText()).isNotEqualTo("—").endsWith("s");
        assertThat(privilege(dave, "prod-db-admin", "home-jit")).isEqualTo(justInTime);
        assertThat(privilege(dave, "prod-db-admin", "home-standing")).isEqualTo(standing);
        Browser.screenshot(dave, "home-security-after-revocation");

        var erin = home("erin");
        assertThat(number(erin, "revoked-count")).isEqualTo(revoked + 1);
        assertThat(erin.findElements(By.id("privilege-table"))).isNotEmpty();
        assertThat(erin.findElements(By.id("approver-figures"))).as("compliance decides nothing").isEmpty();
        Browser.screenshot(erin, "home-compliance");
    }

    // --- reading the page --------------------------------------------------------------------------------------

    private static int number(WebDriver browser, String id) {
        return Integer.parseInt(browser.findElement(By.id(id)).getText().strip());
    }

    private static WebElement privilegeRow(WebDriver browser, String entitlement) {
        return browser.findElement(By.cssSelector("#privilege-table tr[data-entitlement='" + entitlement + "']"));
    }

    private static int privilege(WebDriver browser, String entitlement, String column) {
        return Integer.parseInt(privilegeRow(browser, entitlement).findElement(By.className(column)).getText().strip());
    }

    // --- browsers ----------------------------------------------------------------------------------------------

    /** Signs the person in (Keycloak's page) in a browser of their own, on their home page. */
    private WebDriver home(String user) {
        try {
            var browser = Browser.open(Files.createTempDirectory(profiles, user));
            browsers.put(user, browser);
            Browser.signIn(browser, new WebDriverWait(browser, Duration.ofSeconds(20)), user, user);
            return browser;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reload(WebDriver browser) {
        browser.navigate().refresh();
        Browser.waitFor(browser, new WebDriverWait(browser, Duration.ofSeconds(20)), By.id("home-username"),
                "the home page again");
    }
}

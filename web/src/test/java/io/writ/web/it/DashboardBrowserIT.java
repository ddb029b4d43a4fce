package io.writ.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
@ResourceLock(TestPortal.FIGURES)
class DashboardBrowserIT {

    private static final Duration SOON = Duration.ofSeconds(30);


    /** One signed-in browser per person, kept open for the test so each can reload their home page. */
    private final List<Person> people = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        people.forEach(Person::close);
        people.clear();
    }

    @Test
    void theFiguresOfEachRoleFollowAWritFromSubmissionToRevocation() {
        var alice = home("alice");
        int aliceActive = number(alice, "my-active-count");
        int aliceAwaiting = number(alice, "my-awaiting-count");
        assertThat(alice.browser.findElements(By.id("oversight-figures"))).as("no oversight for a requester")
                .isEmpty();
        assertThat(alice.browser.findElements(By.id("approver-figures"))).isEmpty();
        var bob = home("bob");
        int bobAwaiting = number(bob, "awaiting-me-count");
        assertThat(bob.browser.findElements(By.id("requester-figures"))).isEmpty();
        var dave = home("dave");
        int activeGrants = number(dave, "active-grants");
        int approved = number(dave, "approved-count");
        int revoked = number(dave, "revoked-count");
        int justInTime = privilege(dave, "prod-db-admin", "home-jit");
        int standing = privilege(dave, "prod-db-admin", "home-standing");

        var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 30);

        reload(alice);
        assertThat(number(alice, "my-awaiting-count")).isEqualTo(aliceAwaiting + 1);
        var waiting = alice.browser.findElement(By.cssSelector(".home-awaiting-writ[data-writ='" + writ + "']"));
        assertThat(waiting.getText()).contains("prod-db-admin").contains("waiting on approver")
                .contains("(0 of 2 approvals)");
        alice.screenshot("home-requester-awaiting");
        reload(bob);
        assertThat(number(bob, "awaiting-me-count")).isEqualTo(bobAwaiting + 1);
        assertThat(bob.text(By.id("oldest-awaiting"))).startsWith("oldest waiting:");
        assertThat(bob.browser.findElement(By.id("home-inbox-link")).getAttribute("href")).endsWith("/inbox.xhtml");
        bob.screenshot("home-approver");

        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        reload(alice);
        assertThat(alice.text(By.cssSelector(".home-awaiting-writ[data-writ='" + writ + "']")))
                .as("still waiting, since bob's approval").contains("(1 of 2 approvals)");
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        reload(alice);
        assertThat(number(alice, "my-active-count")).isEqualTo(aliceActive + 1);
        assertThat(number(alice, "my-awaiting-count")).isEqualTo(aliceAwaiting);
        var active = alice.browser.findElement(By.cssSelector(".home-active-writ[data-writ='" + writ + "']"));
        new WebDriverWait(alice.browser, Duration.ofSeconds(3)).until(d -> active.getText().contains("left"));
        alice.screenshot("home-requester-active");
        reload(bob);
        assertThat(number(bob, "awaiting-me-count")).isEqualTo(bobAwaiting);

        KeycloakAdmin.assignRealmRole("erin", "prod-db-admin"); // standing privilege, assigned by hand
        try {
            reload(dave);
            assertThat(number(dave, "active-grants")).isEqualTo(activeGrants + 1);
            assertThat(number(dave, "approved-count")).isEqualTo(approved + 1);
            assertThat(dave.text(By.id("mean-time-to-approve"))).isNotEqualTo("—");
            assertThat(privilege(dave, "prod-db-admin", "home-jit")).isEqualTo(justInTime + 1);
            assertThat(privilege(dave, "prod-db-admin", "home-standing")).isEqualTo(standing + 1);
            assertThat(privilegeRow(dave, "prod-db-admin").getText()).contains("erin").doesNotContain("alice");
            assertThat(dave.browser.findElement(By.cssSelector("#privilege-chart canvas")).getAttribute("aria-label"))
                    .contains("standing and just in time");
            assertThat(dave.browser.findElements(By.cssSelector("#approval-chart canvas"))).isNotEmpty();
            dave.screenshot("home-security");
        } finally {
            KeycloakAdmin.unassignRealmRole("erin", "prod-db-admin");
        }

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
        reload(dave);
        assertThat(number(dave, "active-grants")).isEqualTo(activeGrants);
        assertThat(number(dave, "revoked-count")).isEqualTo(revoked + 1);
        assertThat(dave.text(By.id("mean-revocation-lag"))).isNotEqualTo("—").endsWith("s");
        assertThat(privilege(dave, "prod-db-admin", "home-jit")).isEqualTo(justInTime);
        assertThat(privilege(dave, "prod-db-admin", "home-standing")).isEqualTo(standing);
        dave.screenshot("home-security-after-revocation");

        var erin = home("erin");
        assertThat(number(erin, "revoked-count")).isEqualTo(revoked + 1);
        assertThat(erin.browser.findElements(By.id("privilege-table"))).isNotEmpty();
        assertThat(erin.browser.findElements(By.id("approver-figures"))).as("compliance decides nothing").isEmpty();
        erin.screenshot("home-compliance");
    }

    // --- reading the page --------------------------------------------------------------------------------------

    private static int number(Person person, String id) {
        return Integer.parseInt(person.text(By.id(id)).strip());
    }

    private static WebElement privilegeRow(Person person, String entitlement) {
        return person.browser.findElement(
                By.cssSelector("#privilege-table tr[data-entitlement='" + entitlement + "']"));
    }

    private static int privilege(Person person, String entitlement, String column) {
        return Integer.parseInt(privilegeRow(person, entitlement).findElement(By.className(column)).getText().strip());
    }

    // --- browsers ----------------------------------------------------------------------------------------------

    /** Signs the person in (Keycloak's page) in a browser of their own, on their home page. */
    private Person home(String user) {
        var person = Person.signIn(user);
        people.add(person);
        return person;
    }

    private static void reload(Person person) {
        person.browser.navigate().refresh();
        person.waitFor(By.id("home-username"), "the home page again");
    }
}

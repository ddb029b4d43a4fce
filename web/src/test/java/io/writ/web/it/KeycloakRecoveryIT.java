package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak going away and coming back, without restarting the portal: the health check follows it, a call that
 * needs it is refused with nothing changed (503 on the API, a form message on a page), a revocation waits as an
 * incident and completes once it is back.
 */
@ResourceLock(value = KeycloakRecoveryIT.TEST_KEYCLOAK, mode = ResourceAccessMode.READ_WRITE)
@ExtendWith(TestPortal.class)
class KeycloakRecoveryIT {

    /** The test Keycloak, which this class stops and starts: others that need it while it runs hold it to read. */
    static final String TEST_KEYCLOAK = "the test Keycloak";

    /**
     * One outage for everything that meets it (each stop and start of Keycloak costs the machine half a minute): the
     * health check, an API request, a revocation and a page's form while Keycloak is away, and each of them after it
     * is back. The revocation is of a requester of its own, so that its logout cannot touch alice's page.
     */
    @Test
    void whileKeycloakIsAwayNothingIsHalfDoneAndEverythingCompletesWhenItIsBack() {
        await().atMost(Duration.ofSeconds(30)).until(() -> keycloakCheckIs("UP"));
        var revoked = "recovery-" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        KeycloakAdmin.createRequester(revoked);
        try (var alice = Person.signIn("alice", Duration.ofSeconds(30))) {
            var writ = Writs.submitted(Writs.token(revoked), "billing-read", Writs.openTicket(), 60);
            Writs.awaitStatus(revoked, writ, "ACTIVE", Duration.ofSeconds(20));
            var ender = Writs.token(revoked);
            var reader = Writs.token("erin"); // compliance reads the writ while Keycloak is away
            var aliceToken = Writs.token("alice");
            var apiTicket = Writs.openTicket();
            var formTicket = Writs.openTicket();
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("payments-operator");
            alice.browser.findElement(By.id("request:ticket")).sendKeys(formTicket);
            alice.browser.findElement(By.id("request:justification")).sendKeys("settle the stuck payments batch");
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("30");

            keycloak("stop");

            // the health check follows it
            await().atMost(Duration.ofSeconds(30)).until(() -> keycloakCheckIs("DOWN"));
            assertThat(Http.get("/health/ready").statusCode()).isEqualTo(503);
            // a request that needs it: a clear 503, nothing half-done
            var meanwhile = Writs.request(aliceToken, "payments-operator", apiTicket, 30);
            assertThat(meanwhile.statusCode()).as("a request needs Keycloak").isEqualTo(503);
            assertThat(meanwhile.body()).contains("Keycloak cannot be reached");
            // a page's form: a message, still on the form with what alice typed
            alice.browser.findElement(By.id("request:submit")).click();
            var told = alice.waitFor(By.cssSelector("#request\\:messages .ui-messages-error"),
                    "the form's message that Keycloak is away");
            assertThat(told.getText()).contains("Keycloak cannot be reached").contains("nothing was changed");
            assertThat(alice.browser.getCurrentUrl()).as("still on the form").contains("/request.xhtml");
            assertThat(alice.browser.findElement(By.id("request:ticket")).getAttribute("value")).as("what alice typed")
                    .isEqualTo(formTicket);
            alice.screenshot("request-access-keycloak-away");
            // a revocation: the writ ends at once, the role's removal waits as an incident
            assertThat(Http.post("/api/v1/requests/" + writ + "/end", ender, "").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> Http.get("/health/ready").body()
                    .matches("(?s).*\\{\"name\":\"process-engine\".*\"incidents\":\"[1-9].*"));
            var stranded = Http.get("/api/v1/requests/" + writ, reader).body();
            assertThat(Json.string(stranded, "status")).isEqualTo("ENDED");
            assertThat(Json.string(stranded, "confirmedAbsentAt")).as("not revoked while Keycloak is away").isNull();

            keycloak("start");

            await().atMost(Duration.ofSeconds(60)).until(() -> keycloakCheckIs("UP"));
            assertThat(Http.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(writsOfAliceOn(formTicket)).as("nothing was submitted while Keycloak was away").isZero();
            alice.browser.findElement(By.id("request:submit")).click();
            alice.waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"),
                    "My writs, after sending the same form again");
            assertThat(writsOfAliceOn(formTicket)).as("sent twice, submitted once").isEqualTo(1);
            assertThat(writsOfAliceOn(apiTicket)).as("the API request refused while Keycloak was away").isZero();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Json.string(Http.get("/api/v1/requests/" + writ, reader).body(), "confirmedAbsentAt") != null);
            assertThat(KeycloakAdmin.holdsRealmRole(revoked, "billing-read")).isFalse();
        } finally {
            keycloak("start");
            KeycloakAdmin.deleteUser(revoked);
        }
    }

    private static long writsOfAliceOn(String ticket) {
        var mine = Http.get("/api/v1/requests?mine=true", Writs.token("alice")).body();
        return Pattern.compile("\"ticket\":\"" + Pattern.quote(ticket) + "\"").matcher(mine).results().count();
    }

    private static boolean keycloakCheckIs(String status) {
        var body = Http.get("/health/ready").body();
        return body.matches("(?s).*\\{\"name\":\"keycloak\",\"status\":\"" + status + "\".*");
    }

    private static void keycloak(String command) {
        var process = new ProcessBuilder(TestEnvironment.property("writ.keycloak.script"), command).inheritIO();
        process.environment().put("KC_HOME", TestEnvironment.property("writ.keycloak.home"));
        process.environment().put("KC_DATA", TestEnvironment.property("writ.keycloak.data"));
        process.environment().put("KC_PORT", TestEnvironment.KEYCLOAK_URL.replaceAll(".*:", ""));
        try {
            var exit = process.start().waitFor();
            assertThat(exit).as("scripts/keycloak.sh " + command).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.writ.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The keycloak health check follows Keycloak going away and coming back, without restarting the portal. */
@ExtendWith(ArquillianExtension.class)
class KeycloakRecoveryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @Test
    void keycloakGoesDownThenUpAgainWithoutRestartingThePortal() {
        await().atMost(Duration.ofSeconds(30)).until(() -> keycloakCheckIs("UP"));

        var alice = Writs.token("alice");
        var ticket = Writs.openTicket();
        keycloak("stop");
        await().atMost(Duration.ofSeconds(30)).until(() -> keycloakCheckIs("DOWN"));
        assertThat(Http.get("/health/ready").statusCode()).isEqualTo(503);
        var meanwhile = Writs.request(alice, "payments-operator", ticket, 30);
        assertThat(meanwhile.statusCode()).as("a request needs Keycloak: a clear 503, nothing half-done")
                .isEqualTo(503);
        assertThat(meanwhile.body()).contains("Keycloak cannot be reached");

        keycloak("start");
        await().atMost(Duration.ofSeconds(60)).until(() -> keycloakCheckIs("UP"));
        assertThat(Http.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevocationThatMeetsKeycloakDownBecomesAnIncidentAndCompletesWhenKeycloakIsBack() {
        var writ = Writs.submitted(Writs.token("alice"), "billing-read", Writs.openTicket(), 60);
        Writs.awaitStatus("alice", writ, "ACTIVE", Duration.ofSeconds(20));
        var alice = Writs.token("alice");
        var reader = Writs.token("erin"); // compliance reads the writ while Keycloak is away

        keycloak("stop");
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", alice, "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get("/health/ready").body()
                .matches("(?s).*\\{\"name\":\"process-engine\".*\"incidents\":\"[1-9].*"));
        var stranded = Http.get("/api/v1/requests/" + writ, reader).body();
        assertThat(Json.string(stranded, "status")).isEqualTo("ENDED");
        assertThat(Json.string(stranded, "revokedAt")).as("not revoked while Keycloak is away").isNull();

        keycloak("start");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Json.string(Http.get("/api/v1/requests/" + writ, reader).body(), "revokedAt") != null);
        assertThat(KeycloakAdminApi.holdsRealmRole("alice", "billing-read")).isFalse();
    }

    @AfterEach
    void keycloakRunsForTheOtherTests() {
        keycloak("start");
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

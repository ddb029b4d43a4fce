package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The NHI inventory against the real Keycloak: owners and findings (an NHI whose owner is disabled in Keycloak is
 * a finding), and rotation: afterwards the old secret no longer works and the new one does.
 */
@ExtendWith(TestPortal.class)
class NhiIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path profiles;

    @Test
    void theInventoryNamesOwnersAndAnNhiWhoseOwnerIsDisabledIsAFinding() {
        var owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        var client = "nhi-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createThirdPartyUser(owner, "requester");
        KeycloakAdmin.createNhi(client, "s3cret-" + client, owner);
        try {
            var before = nhi(client);
            assertThat(before).contains("\"owner\":\"" + owner + "\"").doesNotContain("OWNER_DISABLED");
            assertThat(nhi("ci-deployer")).contains("\"owner\":\"alice\"");

            KeycloakAdmin.disableUser(owner);

            assertThat(nhi(client)).contains("OWNER_DISABLED");
            try (var admin = Person.signIn("admin", profiles)) {
                admin.open("/admin/nhis.xhtml", By.id("nhis"));
                var row = admin.waitFor(By.xpath("//tr[.//span[@class='writ-nhi-client' and text()='" + client + "']]"),
                        "the NHI's row");
                assertThat(row.getText()).contains(owner).contains("OWNER_DISABLED");
                admin.screenshot("admin-nhis");
            }
        } finally {
            KeycloakAdmin.deleteClient(client);
            KeycloakAdmin.deleteUser(owner);
        }
    }

    @Test
    void afterRotationTheOldSecretFailsAndTheNewOneWorks() {
        var client = "nhi-" + UUID.randomUUID().toString().substring(0, 8);
        var oldSecret = "s3cret-" + client;
        KeycloakAdmin.createNhi(client, oldSecret, "alice");
        try {
            assertThat(KeycloakTokens.forClient(client, oldSecret)).isNotBlank();

            var rotation = Http.post("/api/v1/nhis/" + client + "/rotations", token("admin"), "");

            assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(202);
            await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                    .until(() -> !KeycloakAdmin.clientSecret(client).equals(oldSecret));
            assertThatThrownBy(() -> KeycloakTokens.forClient(client, oldSecret)).as("the old secret")
                    .hasMessageContaining("unauthorized_client");
            assertThat(KeycloakTokens.forClient(client, KeycloakAdmin.clientSecret(client))).as("the new one")
                    .isNotBlank();
            await().atMost(SOON).untilAsserted(() -> assertThat(nhi(client)).contains("\"secretAgeDays\":0"));
        } finally {
            KeycloakAdmin.deleteClient(client);
        }
    }

    @Test
    void onlyAdminsSecurityAndComplianceSeeTheInventoryAndOnlyAdminsAndSecurityRotate() {
        assertThat(Http.get("/api/v1/nhis", token("alice")).statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/nhis", token("erin")).statusCode()).isEqualTo(200);
        assertThat(Http.post("/api/v1/nhis/ci-deployer/rotations", token("erin"), "").statusCode()).isEqualTo(403);
        assertThat(Http.post("/api/v1/nhis/no-such-client/rotations", token("dave"), "").statusCode()).isEqualTo(404);
    }

    /** The inventory entry of one client, as the API answers it. */
    private static String nhi(String clientId) {
        var all = Http.get("/api/v1/nhis", token("admin"));
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        var body = all.body();
        var at = body.indexOf("\"clientId\":\"" + clientId + "\"");
        assertThat(at).as(clientId + " in " + body).isNotNegative();
        return body.substring(body.lastIndexOf('{', at), body.indexOf('}', at) + 1);
    }
}

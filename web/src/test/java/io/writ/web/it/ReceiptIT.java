package io.writ.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revocation receipts against the real Keycloak: every step measured in order, Keycloak's own admin events citing
 * the addition and the removal, the receipt signed so that openssl checks it offline, the tokens issued before the
 * revocation refused (by Keycloak's introspection and refresh, and by Writ's own API), and an entitlement put back
 * behind Writ's back caught from Keycloak's records and contained. As people of its own, so that no writ of the
 * classes beside it keeps their roles. It runs beside the other classes, its tests one after the other; it raises an
 * alert, so not beside the classes that count the portal's figures.
 */
@ExtendWith(TestPortal.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = KeycloakRecoveryIT.TEST_KEYCLOAK, mode = ResourceAccessMode.READ)
@ResourceLock(TestPortal.FIGURES)
class ReceiptIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    /** Keycloak's records are read every 5 s, once 3 s old. */
    private static final Duration CORROBORATED = Duration.ofSeconds(40);
    private static final String RITA = "receipt-rita";
    private static final String ROY = "receipt-roy";

    @TempDir
    static Path files;

    @BeforeAll
    static void people() {
        for (var person : List.of(RITA, ROY)) {
            if (!KeycloakAdmin.userExists(person)) {
                KeycloakAdmin.createRequester(person);
            }
        }
        // A run before this one on the same Keycloak (not in CI, whose Keycloak is new) may have left it put back.
        if (KeycloakAdmin.holdsRealmRole(ROY, "prod-db-admin")) {
            KeycloakAdmin.unassignRealmRole(ROY, "prod-db-admin");
        }
    }

    @Test
    void aRevocationIsMeasuredStepByStepCorroboratedByKeycloakSignedAndItsOlderTokensAreRefused() throws Exception {
        var writ = submitted(token(RITA), "payments-operator", openTicket(), 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus(RITA, writ, "ACTIVE", SOON);
        var login = KeycloakTokens.login(RITA, RITA); // a client holding a token with the role, and a refresh token
        var issued = KeycloakTokens.issuedAt(login.accessToken());
        // Keycloak's not-before has whole seconds: the token is older than it only once its second has passed.
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > issued.getEpochSecond());
        assertThat(KeycloakTokens.introspectsActive(login.accessToken())).isTrue();
        assertThat(Http.get("/api/v1/requests/" + writ, login.accessToken()).statusCode()).isEqualTo(200);

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token(RITA), "").statusCode()).isEqualTo(200);
        awaitRevoked(RITA, writ, SOON);

        assertThat(KeycloakTokens.introspectsActive(login.accessToken())).as("Keycloak's introspection").isFalse();
        assertThat(KeycloakTokens.refreshes(login.refreshToken())).as("Keycloak's refresh").isFalse();
        var old = Http.get("/api/v1/requests/" + writ, login.accessToken());
        assertThat(old.statusCode()).as("Writ's own API, the token remembered as verified").isEqualTo(401);
        assertThat(Http.get("/api/v1/requests/" + writ, KeycloakTokens.forUser(RITA, RITA)).statusCode())
                .as("a token issued after the revocation").isEqualTo(200);

        var answer = awaitReceipt(RITA, writ, r -> r.getBoolean("complete"));
        var receipt = answer.getJsonObject("receipt");
        assertThat(receipt.getString("format")).isEqualTo("writ-receipt/1");
        assertThat(receipt.getJsonArray("flags")).isEmpty();
        var steps = receipt.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertThat(steps).extracting(s -> s.getString("step")).containsExactly("final-approval", "role-added",
                "read-back-present", "due", "removed", "read-back-absent", "sessions-logged-out",
                "bastion-sessions-ended", "tokens-rejected-from", "token-residue-until");
        var at = new ArrayList<Instant>();
        for (var name : List.of("final-approval", "role-added", "read-back-present", "due", "removed",
                "read-back-absent", "sessions-logged-out")) {
            var step = step(steps, name);
            assertThat(step.getBoolean("measured")).as(name).isTrue();
            at.add(Instant.parse(step.getString("at")));
        }
        assertThat(at).as("each step measured when it happened, in order").isSorted();
        assertThat(at.get(1)).as("added and read back present: two measurements").isNotEqualTo(at.get(2));
        assertThat(step(steps, "sessions-logged-out").getInt("count")).as("the login above").isGreaterThanOrEqualTo(1);
        var notBefore = Instant.parse(step(steps, "tokens-rejected-from").getString("at"));
        assertThat(notBefore).as("Keycloak's not-before, read back").isAfter(issued)
                .isBeforeOrEqualTo(at.get(6));
        var removed = at.get(4);
        assertThat(Instant.parse(step(steps, "token-residue-until").getString("at")))
                .as("the removal plus the realm's 60 s tokens").isEqualTo(removed.plusSeconds(60));

        var records = receipt.getJsonObject("keycloakRecords");
        for (var which : List.of("grant", "revocation")) {
            var record = records.getJsonObject(which);
            assertThat(record.getString("verdict")).as(which).isEqualTo("CORROBORATED");
            assertThat(record.getString("eventId")).isNotBlank();
            assertThat(record.getString("actingAccount")).contains("user ");
        }
        var eventTimes = KeycloakAdmin.roleMappingEventTimes(RITA);
        assertThat(eventTimes).as("the admin events cited are Keycloak's own")
                .contains(Instant.parse(records.getJsonObject("grant").getString("at")),
                        Instant.parse(records.getJsonObject("revocation").getString("at")));

        assertThat(opensslVerifies(answer.getString("signedText"), answer)).as("openssl, offline").isTrue();
        var forged = answer.getString("signedText").replace("\"complete\":true", "\"complete\":false");
        assertThat(opensslVerifies(forged, answer)).as("a changed receipt").isFalse();
        assertThat(Http.get("/api/v1/requests/" + writ + "/receipt", token("alice")).statusCode())
                .as("not alice's writ, nor hers to approve").isEqualTo(403);
    }

    @Test
    void anEntitlementPutBackBehindWritsBackAfterItsWritEndedIsAnAlertContainedAtOnce() {
        var writ = submitted(token(ROY), "prod-db-admin", openTicket(), 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus(ROY, writ, "ACTIVE", SOON);
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token(ROY), "").statusCode()).isEqualTo(200);
        awaitRevoked(ROY, writ, SOON);

        KeycloakAdmin.assignRealmRole(ROY, "prod-db-admin"); // in the admin console, by no writ

        var alert = await().atMost(CORROBORATED).pollInterval(Duration.ofMillis(500))
                .until(() -> alertOn(writ), a -> a != null && present(a, "containedAt"));
        assertThat(alert.getString("rule")).isEqualTo("STANDING_PRIVILEGE_APPEARED");
        assertThat(alert.getString("riskTier")).isEqualTo("HIGH");
        assertThat(present(alert, "sessionId")).as("raised from Keycloak's records, not a session").isFalse();
        assertThat(alert.getString("evidence")).contains("prod-db-admin").contains("after writ " + writ);
        assertThat(alert.getString("containment")).contains("removed from " + ROY + " and read back absent");
        assertThat(KeycloakAdmin.holdsRealmRole(ROY, "prod-db-admin")).as("contained: taken away again").isFalse();
        assertThat(Http.post("/api/v1/alerts/" + alert.getString("id") + "/triage", token("dave"),
                "{\"outcome\":\"CONFIRM\",\"comment\":\"put back by hand: who?\"}").statusCode()).isEqualTo(200);
    }

    /** Whether the answer has the field, not null (JSON-B leaves null fields out). */
    private static boolean present(JsonObject json, String field) {
        return json.containsKey(field) && !json.isNull(field);
    }

    private static JsonObject alertOn(String writ) {
        var open = Http.get("/api/v1/alerts", token("dave"));
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(open.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(a -> writ.equals(a.getString("writId", null))
                            && "STANDING_PRIVILEGE_APPEARED".equals(a.getString("rule")))
                    .findFirst().orElse(null);
        }
    }

    private static JsonObject awaitReceipt(String user, String writ, java.util.function.Predicate<JsonObject> done) {
        return await().atMost(CORROBORATED).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = Http.get("/api/v1/requests/" + writ + "/receipt", token(user));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            try (var reader = Json.createReader(new StringReader(answer.body()))) {
                return reader.readObject();
            }
        }, a -> done.test(a.getJsonObject("receipt")));
    }

    private static JsonObject step(List<JsonObject> steps, String name) {
        return steps.stream().filter(s -> s.getString("step").equals(name)).findFirst().orElseThrow();
    }

    /** docs/receipts.md's check, as an auditor runs it: the public key, the signed text, the signature, openssl. */
    private static boolean opensslVerifies(String signedText, JsonObject answer) throws Exception {
        var key = files.resolve("receipt-public.pem");
        var text = files.resolve("receipt.txt");
        var signature = files.resolve("receipt.sig");
        Files.writeString(key, answer.getString("publicKeyPem"));
        Files.write(text, signedText.getBytes(StandardCharsets.UTF_8));
        Files.write(signature, Base64.getDecoder().decode(answer.getString("signature")));
        var openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(),
                "-rawin", "-in", text.toString(), "-sigfile", signature.toString()).redirectErrorStream(true).start();
        var output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return openssl.waitFor() == 0 && output.contains("Signature Verified Successfully");
    }
}

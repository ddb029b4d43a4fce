package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up on the API (RFC 9470), against the real Keycloak: the demo catalogue's CRITICAL entitlement is asked for
 * and decided on only with a token of a recent sign-in with a second factor; a password-only token gets the
 * standard challenge and changes nothing; the writ keeps how each person had signed in. (A token whose second factor
 * is older than the entitlement allows: {@link StepUpBrowserIT}, which waits for that minute once for both.)
 */
@ExtendWith(TestPortal.class)
class StepUpIT {

    private static final String CRITICAL = "k8s-cluster-admin";

    @Test
    void aPasswordOnlyTokenIsAnsweredWithTheStandardChallengeAndChangesNothing() {
        var ticket = Writs.openTicket();
        var password = KeycloakTokens.forUser("alice", "alice");

        var refused = Writs.request(password, CRITICAL, ticket, 30);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith("Bearer ").contains("error=\"insufficient_user_authentication\"")
                .contains("acr_values=\"mfa\"").contains("max_age=900"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.number(refused.body(), "status")).isEqualTo(401);
        assertThat(Json.string(refused.body(), "detail")).contains("asking for " + CRITICAL).contains("acr password");
        var mine = Http.get("/api/v1/requests?mine=true", Writs.token("alice"));
        assertThat(mine.body()).as("no writ was made on the ticket").doesNotContain(ticket);
    }

    @Test
    void withASecondFactorTheRequestAndEachDecisionGoThroughAndTheWritKeepsHowEachSignedIn() {
        var alice = StepUpSignIn.signIn("alice", 600);
        assertThat(alice.askedForCode()).as("Keycloak asked for the one-time code").isTrue();

        var id = Writs.submitted(alice.accessToken(), CRITICAL, Writs.openTicket(), 30);
        var writ = Writs.read("alice", id);
        assertThat(Json.number(writ, "stepUpMinutes")).isEqualTo(15);
        var requesterSignIn = Json.object(writ, "requesterSignIn");
        assertThat(Json.string(requesterSignIn, "acr")).isEqualTo("mfa");
        assertThat(Instant.parse(Json.string(requesterSignIn, "signedInAt")))
                .isBetween(Instant.now().minusSeconds(120), Instant.now());

        var bobWithPassword = Http.post("/api/v1/requests/" + id + "/decisions", KeycloakTokens.forUser("bob", "bob"),
                "{\"decision\":\"APPROVE\",\"comment\":\"password only\"}");
        assertThat(bobWithPassword.statusCode()).as(bobWithPassword.body()).isEqualTo(401);
        assertThat(bobWithPassword.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("insufficient_user_authentication"));
        assertThat(Writs.read("alice", id).replace(" ", "")).as("the refused decision counted for nothing")
                .contains("\"approvals\":[]");

        var bob = Http.post("/api/v1/requests/" + id + "/decisions", StepUpSignIn.token("bob"),
                "{\"decision\":\"APPROVE\",\"comment\":\"checked the change\"}");
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(200);
        var carol = Http.post("/api/v1/requests/" + id + "/decisions", StepUpSignIn.token("carol"),
                "{\"decision\":\"REJECT\",\"comment\":\"not in this window\"}");
        assertThat(carol.statusCode()).as(carol.body()).isEqualTo(200);

        var decided = Writs.read("alice", id);
        assertThat(Json.string(decided, "status")).isEqualTo("REJECTED");
        assertThat(decided.replace(" ", "")).contains("\"approver\":\"bob\"").contains("\"approver\":\"carol\"");
        assertThat(Pattern.compile("\"signIn\":\\{\"acr\":\"mfa\"").matcher(decided.replace(" ", "")).results())
                .as("both decisions keep the approver's second factor").hasSize(2);
        var receipt = Http.get("/api/v1/requests/" + id + "/receipt", Writs.token("alice"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.body().replace(" ", "")).as("the receipt says how each signed in")
                .contains("\"stepUpMinutes\":15")
                .contains("\"request\":{\"by\":\"alice\",\"acr\":\"mfa\"")
                .contains("{\"by\":\"bob\",\"decision\":\"APPROVE\",\"acr\":\"mfa\"")
                .contains("{\"by\":\"carol\",\"decision\":\"REJECT\",\"acr\":\"mfa\"");
    }

    @Test
    void theDocumentedScriptGetsATokenWithASecondFactorThatTheApiTakes() throws Exception {
        var script = Path.of("..", "scripts", "step-up-token.sh").toAbsolutePath().normalize();
        var builder = new ProcessBuilder("bash", script.toString(), "--max-age", "600");
        builder.environment().put("WRIT_KEYCLOAK_URL", TestEnvironment.KEYCLOAK_URL);
        var process = builder.start();
        try {
            var printed = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String address = null;
            for (String line; address == null && (line = printed.readLine()) != null; ) {
                address = line.strip().startsWith("http") ? line.strip() : null;
            }
            assertThat(address).as("the script prints Keycloak's sign-in address").isNotNull()
                    .contains("acr_values=mfa").contains("max_age=600").contains("code_challenge_method=S256");

            // the person signs in there; Keycloak sends their browser back to the script
            var back = new StepUpSignIn().browse("alice", address);
            var delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(back)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(delivered.statusCode()).isEqualTo(200);
            var token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();

            var id = Writs.submitted(token, CRITICAL, Writs.openTicket(), 15);
            assertThat(Http.post("/api/v1/requests/" + id + "/cancel", Writs.token("alice"), "").statusCode())
                    .isEqualTo(200);
        } finally {
            process.destroyForcibly();
        }
    }
}

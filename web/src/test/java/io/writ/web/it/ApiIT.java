package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal from outside, as a script or pipeline sees it: API security, health, API description. */
@ExtendWith(TestPortal.class)
class ApiIT {

    @Test
    void anApiCallWithoutATokenGets401NotALoginPage() {
        var response = Http.get("/api/v1/entitlements");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"writ\"");
        assertProblem(response, 401, "Unauthorized");
    }

    @Test
    void aForgedOrForeignTokenGets401() {
        var alice = KeycloakTokens.forUser("alice", "alice");
        var parts = alice.split("\\.");
        var tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        for (var refused : new String[]{tamperedPayload, "not-a-token"}) {
            var response = Http.get("/api/v1/entitlements", refused);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"writ\", error=\"invalid_token\"");
            assertProblem(response, 401, "Unauthorized");
        }
    }

    @Test
    void aValidTokenWithoutAPortalRoleGets403() {
        var ingester = KeycloakTokens.forClient("session-ingest", "session-ingest-secret");

        var response = Http.get("/api/v1/entitlements", ingester);

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403, "Forbidden");
    }

    @Test
    void aRefusalOfTheRulesIsAForbiddenProblemToo() {
        // Not a missing role but a rule of the writ: nobody approves their own request.
        var writ = Writs.submitted(Writs.token("frank"), "prod-db-admin", Writs.openTicket(), 15);
        var response = Writs.decide("frank", writ, "APPROVE", "my own");

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403, "Forbidden");
        assertThat(Json.string(response.body(), "detail")).isNotBlank();
        assertThat(Http.post("/api/v1/requests/" + writ + "/cancel", Writs.token("frank"), "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequesterReadsTheCatalogue() {
        var response = Http.get("/api/v1/entitlements", KeycloakTokens.forUser("alice", "alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"prod-db-admin\"", "\"riskTier\":\"HIGH\"", "\"approvalsRequired\":2")
                .contains("\"name\":\"k8s-cluster-admin\"", "\"riskTier\":\"CRITICAL\"")
                .contains("\"name\":\"billing-read\"", "\"name\":\"payments-operator\"");
    }

    @Test
    void anNhiWithItsClientCredentialsReadsTheCatalogue() {
        var ciDeployer = KeycloakTokens.forClient("ci-deployer", "ci-deployer-secret");

        assertThat(Http.get("/api/v1/entitlements", ciDeployer).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessReportsDatabaseProcessEngineAndKeycloakUp() {
        var response = Http.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"")
                .contains("\"name\":\"database\"", "\"name\":\"process-engine\"", "\"name\":\"keycloak\"")
                .doesNotContain("\"status\":\"DOWN\"");
    }

    @Test
    void theApiIsDescribedAtOpenapi() {
        var response = Http.get("/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/entitlements", "Writ API", "bearer");
    }

    @Test
    void aPageRequestWithoutLoginGoesToTheKeycloakLogin() {
        var response = Http.get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(TestEnvironment.KEYCLOAK_URL + "/realms/writ/protocol/openid-connect/auth")
                .contains("client_id=writ-portal"));
    }

    @Test
    void anAdministratorManagesTheCatalogueWithFieldErrorsForBadInput() {
        var admin = KeycloakTokens.forUser("admin", "admin");
        var name = "audit-log-reader-" + System.nanoTime();

        var bad = Http.post("/api/v1/entitlements", admin, "{\"name\":\"" + name + "\",\"kind\":\"ROLE\","
                + "\"riskTier\":\"SEVERE\",\"maxMinutes\":0,\"approvalsRequired\":1,\"approverGroup\":\"approver\","
                + "\"reviewCadenceDays\":90,\"owner\":\"carol\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"kind\"", "\"field\":\"riskTier\"");
        assertThat(Http.get("/api/v1/entitlements", admin).body()).doesNotContain(name);

        var added = Http.post("/api/v1/entitlements", admin, "{\"name\":\"" + name + "\",\"kind\":\"REALM_ROLE\","
                + "\"riskTier\":\"HIGH\",\"maxMinutes\":60,\"approvalsRequired\":2,\"approverGroup\":\"approver\","
                + "\"reviewCadenceDays\":30,\"owner\":\"carol\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"coverage\":\"FULL\"");

        var zero = Http.put("/api/v1/entitlements/" + name, admin, "{\"riskTier\":\"HIGH\",\"maxMinutes\":0,"
                + "\"approvalsRequired\":2,\"approverGroup\":\"approver\",\"reviewCadenceDays\":30,\"owner\":\"carol\"}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("\"field\":\"maxMinutes\"");
        var revised = Http.put("/api/v1/entitlements/" + name, admin, "{\"riskTier\":\"CRITICAL\",\"maxMinutes\":30,"
                + "\"approvalsRequired\":2,\"approverGroup\":\"approver\",\"reviewCadenceDays\":30,\"owner\":\"carol\"}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(Http.get("/api/v1/entitlements", admin).body()).contains(name);

        var requester = KeycloakTokens.forUser("alice", "alice");
        assertThat(Http.post("/api/v1/entitlements", requester, "{}").statusCode())
                .as("only administrators change the catalogue").isEqualTo(403);
    }

    /** Problem details (RFC 9457) with the members the API's clients read before them ({@code error}, {@code errors}). */
    private static void assertProblem(java.net.http.HttpResponse<String> response, int status, String title) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        var body = response.body();
        assertThat(Json.string(body, "type")).isEqualTo("about:blank");
        assertThat(Json.string(body, "title")).isEqualTo(title);
        assertThat(Json.number(body, "status")).isEqualTo(status);
        assertThat(Json.string(body, "error")).isEqualTo(Json.string(body, "detail")).isNotBlank();
        assertThat(body).contains("\"errors\":[]");
    }
}

package io.writ.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.writ.web.it.Writs.freshToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket system that can post JSON (Jira automation, a ServiceNow business rule) pushes its tickets through the
 * signed webhook into the test portal's built-in registry: the push says who owns the ticket and when its work is
 * planned, and the checks at submission use it; a push that closes it ends its writs; a forged push changes nothing.
 */
@ExtendWith(TestPortal.class)
class TicketPushIT {

    /** The test portal's secret (WRIT_TICKETS_WEBHOOK_SECRET in the pom). */
    private static final String SECRET = "ticket-push-test-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> USERS = new ArrayList<>();

    @AfterAll
    static void removeItsUsers() {
        USERS.forEach(KeycloakAdmin::deleteUser);
    }

    private static String requester() {
        var person = "pushed-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        KeycloakAdmin.createRequester(person);
        USERS.add(person);
        return person;
    }

    private static String ref() {
        return "CHG-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
    }

    private static HttpResponse<String> push(String ref, String state, String owner, Instant from, Instant to,
                                             String secret) {
        var body = "{\"ref\":\"" + ref + "\",\"title\":\"Upgrade the payments cluster\",\"state\":\"" + state
                + "\",\"owner\":\"" + owner + "\",\"involved\":[\"" + owner + "\",\"carol\"],\"at\":\""
                + Instant.now() + "\"" + (from == null ? "" : ",\"plannedFrom\":\"" + from + "\",\"plannedTo\":\""
                + to + "\"") + "}";
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + "/api/v1/tickets/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Writ-Signature", TicketSystemIT.sign(body, secret));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> request(String person, String ticket, int minutes) {
        return Writs.request(freshToken(person), "billing-read", ticket, minutes);
    }

    @Test
    void aPushedTicketBacksItsOwnersWritAndItsClosurePushedEndsIt() {
        var person = requester();
        var ticket = ref();
        assertThat(push(ticket, "open", person, null, null, SECRET).statusCode()).isEqualTo(200);

        var check = Http.get("/api/v1/tickets/" + ticket + "/check", freshToken(person));
        assertThat(Json.string(check.body(), "owner")).as(check.body()).isEqualTo(person);
        assertThat(Json.string(check.body(), "title")).isEqualTo("Upgrade the payments cluster");
        var submitted = request(person, ticket, 30);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var writ = Json.string(submitted.body(), "id");
        Writs.awaitStatus("dave", writ, "ACTIVE", Duration.ofSeconds(60));

        assertThat(request(requester(), ticket, 30).body()).as("someone not on the ticket")
                .contains("ticket " + ticket + " is owned by " + person);
        assertThat(push(ticket, "resolved", person, null, null, "a guess").statusCode()).as("forged").isEqualTo(401);
        assertThat(Writs.status("dave", writ)).isEqualTo("ACTIVE");

        var closed = push(ticket, "resolved", person, null, null, SECRET);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains(writ);
        var ended = Writs.awaitRevoked("dave", writ, Duration.ofSeconds(60));
        assertThat(Json.string(ended, "revocationReason")).isEqualTo("TICKET_CLOSED");
        assertThat(KeycloakAdmin.holdsRealmRole(person, "billing-read")).isFalse();
    }

    @Test
    void aWritOutsideThePushedChangesPlannedWindowIsRefused() {
        var person = requester();
        var ticket = ref();
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        push(ticket, "open", person, now.plusSeconds(3600), now.plusSeconds(7200), SECRET);

        var refused = request(person, ticket, 30);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("plans its work from " + now.plusSeconds(3600));
    }

    @Test
    void aPushWithoutItsFieldsIsAnsweredWithFieldErrors() {
        var body = "{\"title\":\"no ref, no state, no time\"}";
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + "/api/v1/tickets/events"))
                .header("Content-Type", "application/json").header("X-Writ-Signature", TicketSystemIT.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"ref\"").contains("\"field\":\"state\"")
                .contains("\"field\":\"at\"");
    }
}

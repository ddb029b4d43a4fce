package io.writ.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.writ.web.it.Writs.freshToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writs on tickets of a real ticket system: Request Tracker 5 (scripts/ticket-system.sh) behind a portal node
 * ({@link ClusterNodes}, node a). A request is checked against the ticket as RT has it (exists, open, the
 * requester's, inside a change's planned window); closing the ticket in RT ends the writ within seconds (RT's own
 * notification, a signed post) and Keycloak shows the role gone; the writ's decisions and end arrive on the ticket
 * as comments; RT stopped refuses new requests and leaves active writs alone, and all resumes when it is back; a
 * forged or unsigned push changes nothing.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = KeycloakRecoveryIT.TEST_KEYCLOAK, mode = ResourceAccessMode.READ)
@ResourceLock(ClusterNodes.LOCK)
@ExtendWith(ClusterNodes.class)
class TicketSystemIT {

    private static final String ENTITLEMENT = "billing-read"; // LOW: granted at once, no approver needed
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> USERS = new ArrayList<>();

    private static PortalNode node;

    @BeforeAll
    static void nodeA() {
        node = ClusterNodes.a;
    }

    @AfterAll
    static void removeItsUsers() {
        USERS.forEach(KeycloakAdmin::deleteUser);
    }

    /**
     * A requester of its own for each test: a revocation logs its person out, and the tests on the shared portal
     * beside this class revoke the demo people's writs.
     */
    private static String requester() {
        var person = "tickets-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        KeycloakAdmin.createRequester(person);
        USERS.add(person);
        return person;
    }

    private static HttpResponse<String> request(String person, String ticket, int minutes) {
        return node.post("/api/v1/requests", freshToken(person), "{\"entitlement\":\"" + ENTITLEMENT
                + "\",\"ticket\":" + Json.quote(ticket) + ",\"justification\":\"work on the change in RT\","
                + "\"durationMinutes\":" + minutes + "}");
    }

    private static String active(String person, String ticket) {
        var submitted = request(person, ticket, 30);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var writ = Json.string(submitted.body(), "id");
        await("writ " + writ + " active").atMost(SOON).pollInterval(Duration.ofMillis(250))
                .until(() -> "ACTIVE".equals(status(writ)));
        return writ;
    }

    private static String read(String writ) {
        var answer = node.get("/api/v1/requests/" + writ, Writs.token("dave"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String status(String writ) {
        return Json.string(read(writ), "status");
    }

    private static String ticketError(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"ticket\"");
        return refused.body();
    }

    /** How many writs the person asked for, as the nodes' database holds them. */
    private static int writsOf(String person) throws Exception {
        try (var db = DriverManager.getConnection(ClusterNodes.database, "writ", "writ");
             var query = db.prepareStatement("select count(*) from writ where requester = ?")) {
            query.setString(1, person);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Test
    void aRequestOnTheRequestersOpenChangeIsAcceptedAndTheFormsCheckShowsTheTicket() {
        var person = requester();
        var ticket = RequestTracker.open("change", person, "Rotate the billing database password");

        var check = node.get("/api/v1/tickets/" + ticket + "/check?durationMinutes=30", freshToken(person));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(Json.string(check.body(), "state")).isEqualTo("OPEN");
        assertThat(Json.string(check.body(), "title")).isEqualTo("Rotate the billing database password");
        assertThat(Json.string(check.body(), "systemState")).isEqualTo("new");
        assertThat(Json.string(check.body(), "owner")).isEqualTo(person);
        assertThat(Json.string(check.body(), "refusal")).isNull();

        var submitted = request(person, ticket, 30);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(Json.string(read(Json.string(submitted.body(), "id")), "ticket")).isEqualTo(ticket);
    }

    @Test
    void unknownClosedSomeoneElsesAndOutOfWindowTicketsAreRefusedWithTheirReasons() throws Exception {
        var person = requester();

        assertThat(ticketError(request(person, "CHG-987654321", 30)))
                .contains("no ticket CHG-987654321 is known to the ticket system");

        var closed = RequestTracker.open("change", person, "already done");
        RequestTracker.close(closed);
        assertThat(ticketError(request(person, closed, 30)))
                .contains("ticket " + closed + " is closed (resolved); access needs an open ticket");

        var bobs = RequestTracker.open("change", "bob", "bob's change");
        assertThat(ticketError(request(person, bobs, 30))).contains("ticket " + bobs + " is owned by bob; only its "
                + "owner and the people on it may ask for access under it");

        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var shortChange = RequestTracker.open("change", person, "a ten-minute change", now.minusSeconds(600).toString(),
                now.plusSeconds(600).toString());
        assertThat(ticketError(request(person, shortChange, 60))).contains("ticket " + shortChange
                + " plans its work from " + now.minusSeconds(600) + " to " + now.plusSeconds(600)
                + ": the writ's window");

        var incident = RequestTracker.open("incident", person, "an incident, named as a change");
        var asChange = "CHG-" + incident.substring("INC-".length());
        assertThat(ticketError(request(person, asChange, 30))).contains("is in queue Incidents, not Changes");

        assertThat(writsOf(person)).as("nothing was created").isZero();
    }

    @Test
    void closingTheChangeInRequestTrackerEndsTheWritWithinSecondsAndTheTicketGetsTheEvidence() throws Exception {
        var person = requester();
        var ticket = RequestTracker.openChange(person);
        var writ = active(person, ticket);
        assertThat(KeycloakAdmin.holdsRealmRole(person, ENTITLEMENT)).isTrue();

        RequestTracker.close(ticket);

        // The node follows RT every 20 s; RT's own notification ends the writ sooner than that.
        await("writ ended by the ticket's closure").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> Json.string(read(writ), "revocationReason") != null);
        assertThat(Json.string(read(writ), "revocationReason")).isEqualTo("TICKET_CLOSED");
        await("role read back absent").atMost(SOON).pollInterval(Duration.ofMillis(250))
                .until(() -> Json.string(read(writ), "confirmedAbsentAt") != null);
        assertThat(KeycloakAdmin.holdsRealmRole(person, ENTITLEMENT)).as("Keycloak shows the role gone").isFalse();
        assertThat(closedDetail(ticket)).as("the audit trail says how Writ learnt of it")
                .contains("as it pushed").contains(writ);

        await("the writ's evidence on the ticket").atMost(SOON).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                // Either node may deliver it; each links to the portal as it is reached (WRIT_PORTAL_URL).
                assertThat(RequestTracker.comments(ticket))
                        .contains("Writ " + writ + ": Approved: billing-read")
                        .contains("Writ " + writ + ": Revoked: billing-read").contains("ticket " + ticket + " was closed")
                        .containsPattern("Open in Writ: http://localhost:1808[12]/writ.xhtml\\?id=" + writ)
                        .containsPattern("Revocation receipt \\(signed\\): http://localhost:1808[12]/api/v1/requests/"
                                + writ + "/receipt"));
    }

    @Test
    void aTicketThatIsNoLongerAChangeEndsItsWritAtTheNextPoll() throws Exception {
        var person = requester();
        var ticket = RequestTracker.openChange(person);
        var writ = active(person, ticket);

        RequestTracker.moveToQueue(ticket, "General"); // no status change: RT pushes nothing

        await("writ ended by the poll").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> Json.string(read(writ), "revocationReason") != null);
        assertThat(Json.string(read(writ), "revocationReason")).isEqualTo("TICKET_CLOSED");
        assertThat(closedDetail(ticket)).contains("as Writ's poll found").contains(writ);
    }

    @Test
    void whileRequestTrackerIsStoppedRequestsAreRefusedActiveWritsStayAndAllResumesWhenItIsBack() throws Exception {
        var person = requester();
        var backing = RequestTracker.openChange(person);
        var writ = active(person, backing);
        var next = RequestTracker.openChange(person);

        RequestTracker.stop();
        try {
            assertThat(ticketError(request(person, next, 30))).contains("ticket " + next + " cannot be checked: "
                    + "Request Tracker at " + RequestTracker.URL + " is not answering")
                    .contains("new requests wait until the ticket system is back");
            var health = node.get("/health/ready", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"ticket-system\"").contains("not answering");

            // A poll round (every 20 s) cannot read the ticket: the writ it backs goes on.
            await("a poll round while RT is away").during(Duration.ofSeconds(25)).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> "ACTIVE".equals(status(writ)));
        } finally {
            RequestTracker.start();
        }

        // Back: a freshly started RT may be slow to answer its first calls (each refused request creates nothing).
        await("requests accepted again").atMost(SOON).pollInterval(Duration.ofSeconds(2))
                .until(() -> request(person, next, 30).statusCode() == 201);
        await("ready again").atMost(SOON).pollInterval(Duration.ofSeconds(1))
                .until(() -> node.get("/health/ready", null).statusCode() == 200);
        assertThat(status(writ)).isEqualTo("ACTIVE");
        assertThat(writsOf(person)).as("the refused attempts created nothing").isEqualTo(2);
    }

    @Test
    void aForgedUnsignedOrStalePushChangesNothing() {
        var person = requester();
        var ticket = RequestTracker.openChange(person);
        var writ = active(person, ticket);
        var body = "{\"ref\":\"" + ticket + "\",\"state\":\"resolved\",\"at\":\"" + Instant.now() + "\"}";

        assertThat(push(body, null).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(push(body, sign(body, "not-the-secret")).statusCode()).as("forged").isEqualTo(401);
        assertThat(push(body.replace("resolved", "rejected"), sign(body, RequestTracker.WEBHOOK_SECRET)).statusCode())
                .as("signed, then changed").isEqualTo(401);
        var stale = "{\"ref\":\"" + ticket + "\",\"state\":\"resolved\",\"at\":\"" + Instant.now().minusSeconds(3600)
                + "\"}";
        var replayed = push(stale, sign(stale, RequestTracker.WEBHOOK_SECRET));
        assertThat(replayed.statusCode()).as("an hour old").isEqualTo(400);
        assertThat(replayed.body()).contains("\"field\":\"at\"");

        assertThat(status(writ)).isEqualTo("ACTIVE");
        assertThat(KeycloakAdmin.holdsRealmRole(person, ENTITLEMENT)).isTrue();
    }

    private static HttpResponse<String> push(String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(node.url + "/api/v1/tickets/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Writ-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String body, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the audit trail says of the ticket's closure in the ticket system. */
    private static String closedDetail(String ticket) throws Exception {
        try (var db = DriverManager.getConnection(ClusterNodes.database, "writ", "writ");
             var query = db.prepareStatement("select detail from audit_record where subject = ? "
                     + "and action = 'ticket.closed'")) {
            query.setString(1, "ticket:" + ticket);
            try (var result = query.executeQuery()) {
                return result.next() ? result.getString(1) : "";
            }
        }
    }
}

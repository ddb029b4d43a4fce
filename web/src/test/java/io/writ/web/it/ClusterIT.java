package io.writ.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two portal nodes on one PostgreSQL database (installed and started by scripts/postgres.sh when missing), the test
 * Keycloak and the real ticket system ({@link ClusterNodes}; each writ here is asked on a Request Tracker change owned
 * by its requester): a writ requested on one node is approved on the other; one node is killed with SIGKILL while grants
 * are in flight and windows are open, and the other completes every grant and revocation, once each, with the audit
 * chain intact. A person signed in on one node who is routed to the other, or whose session is gone when they
 * click, is signed in again without a form. Two approvers on the two nodes deciding on one writ at the same moment
 * both count. It brings its own portals, so it runs beside the classes that share the test portal.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = KeycloakRecoveryIT.TEST_KEYCLOAK, mode = ResourceAccessMode.READ)
@ResourceLock(ClusterNodes.LOCK)
@ExtendWith(ClusterNodes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String ROLE = "payments-operator";
    private static final int WAVE = 6;
    private static final Duration SOON = Duration.ofSeconds(60);

    private static final List<String> USERS = new ArrayList<>();

    private static PortalNode a;
    private static PortalNode b;
    private static String database;

    @BeforeAll
    static void nodes() {
        a = ClusterNodes.a;
        b = ClusterNodes.b;
        database = ClusterNodes.database;
    }

    @AfterAll
    static void removeItsUsers() {
        USERS.forEach(KeycloakAdmin::deleteUser);
    }

    @Test
    @Order(1)
    void aPersonWhoseSessionTheNodeDoesNotKnowIsSignedInAgainWithoutAForm() throws IOException {
        // A requester of its own: the tests on the shared portal beside this class revoke alice's writs, and a
        // revocation logs her out of Keycloak, single sign-on and all.
        var person = "cluster-sso-" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        KeycloakAdmin.createRequester(person);
        USERS.add(person);
        var browser = Browser.open(Files.createTempDirectory("cluster-browser"));
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            Browser.signIn(browser, wait, a.url, person, person);

            // The browser sends node a's session cookie to node b (cookies do not tell ports apart, as behind a load
            // balancer): b does not know that session, and the single sign-on at Keycloak signs them in again.
            browser.get(b.url + "/writs.xhtml");
            Browser.waitFor(browser, wait, By.id("signed-in-user"), person + " signed in on node b");
            assertThat(browser.getCurrentUrl()).startsWith(b.url);
            assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(person);
            assertThat(browser.findElements(By.id("password"))).as("no login form").isEmpty();

            browser.get(a.url + "/");
            Browser.waitFor(browser, wait, By.id("home-username"), person + " signed in on node a again");
            assertThat(browser.getCurrentUrl()).startsWith(a.url);
            Browser.screenshot(browser, "cluster-node-a-after-node-b");

            // A click (a Faces ajax request) on a page whose session is gone, as when the node that held it died:
            // the person is taken through the single sign-on again, not left with a button that does nothing.
            browser.get(a.url + "/request.xhtml");
            Browser.waitFor(browser, wait, By.id("request:submit"), "the request form");
            browser.manage().deleteCookieNamed("JSESSIONID");
            browser.findElement(By.id("request:submit")).click();
            Browser.waitFor(browser, wait, By.id("home-username"), person + " signed in again after the click");
            assertThat(browser.getCurrentUrl()).startsWith(a.url);
            assertThat(browser.findElements(By.id("password"))).as("no login form").isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void twoApproversOnTwoNodesAtTheSameMomentBothCountAndTheWritIsGrantedOnce() throws Exception {
        var run = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        var writs = new ArrayList<String>();
        for (int round = 0; round < 2; round++) {
            var user = "cluster-race-" + run + "-" + round;
            KeycloakAdmin.createRequester(user);
            USERS.add(user);
            var writ = request(a, user, "prod-db-admin", 30);
            writs.add(writ);

            var answers = Race.atOnce(() -> decide(a, "bob", writ), () -> decide(b, "carol", writ));

            assertThat(answers).as("both approvals taken, one on each node")
                    .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
            awaitStatus(writ, "ACTIVE");
            assertThat(KeycloakAdmin.holdsRealmRole(user, "prod-db-admin")).isTrue();
            end(user, writ);
            await("writ " + writ + " revoked").atMost(SOON).pollInterval(Duration.ofMillis(250))
                    .until(() -> Json.string(read(writ), "confirmedAbsentAt") != null);
        }
        assertThat(auditCounts(writs, "writ.approved", "writ.granted", "writ.revoked"))
                .as("each approval counted once, each writ granted and revoked once")
                .allSatisfy((writ, counts) -> assertThat(counts).containsExactly(2L, 1L, 1L));
    }

    @Test
    @Order(3)
    void writsSpreadOverTwoNodesAreGrantedAndRevokedOnceEachWhenOneNodeIsKilled() throws Exception {
        var run = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        var users = new ArrayList<String>();
        for (int i = 0; i < 2 * WAVE; i++) {
            users.add("cluster-" + run + "-" + i);
            KeycloakAdmin.createRequester(users.get(i));
            USERS.add(users.get(i));
        }
        var writs = new ArrayList<String>();

        // Wave 1, both nodes alive: each writ is requested on one node and approved by bob on the other. The first
        // two are ended by their requesters later, so their windows are long enough not to end first on a slow
        // machine (seen: a one-minute window over before the end request, answered 409 ENDED).
        for (int i = 0; i < WAVE; i++) {
            var home = i % 2 == 0 ? a : b;
            var other = i % 2 == 0 ? b : a;
            writs.add(request(home, users.get(i), ROLE, i < 2 ? 30 : 1));
            approve(other, writs.get(i));
        }
        for (int i = 0; i < WAVE; i++) {
            awaitStatus(writs.get(i), "ACTIVE");
            assertThat(KeycloakAdmin.holdsRealmRole(users.get(i), ROLE)).isTrue();
        }

        // Wave 2: requested and approved across the nodes; node b is killed while these grants are in flight and
        // the first wave's one-minute windows are open (their expiry timers were created on either node).
        for (int i = WAVE; i < 2 * WAVE; i++) {
            var home = i % 2 == 0 ? a : b;
            var other = i % 2 == 0 ? b : a;
            writs.add(request(home, users.get(i)));
            approve(other, writs.get(i));
        }
        b.kill();

        // Node a carries on alone: two writs are ended early there, the rest expire.
        end(users.get(0), writs.get(0));
        end(users.get(1), writs.get(1));
        for (var writ : writs) {
            await("writ " + writ + " revoked by the surviving node").atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Json.string(read(writ), "confirmedAbsentAt") != null);
            assertThat(Json.string(read(writ), "status")).isEqualTo("ENDED");
        }

        for (int i = 0; i < writs.size(); i++) {
            var user = users.get(i);
            assertThat(KeycloakAdmin.holdsRealmRole(user, ROLE)).as("no privilege left with " + user).isFalse();
            // Keycloak's own record agrees: the role was given, and the last change taken it away
            var changes = KeycloakAdmin.roleMappingEvents(user);
            assertThat(changes).as(user + "'s role mapping changes, newest first").contains("CREATE")
                    .first().isEqualTo("DELETE");
        }
        assertThat(auditCounts(writs, "writ.submitted", "writ.granted", "writ.revoked"))
                .as("each writ submitted, granted and revoked exactly once in the audit trail")
                .allSatisfy((writ, counts) -> assertThat(counts).containsExactly(1L, 1L, 1L));
        var verified = a.get("/api/v1/audit/verify", token("dave"));
        assertThat(verified.body()).as("the chain both nodes appended to verifies").contains("\"valid\":true");
    }

    private static String request(PortalNode node, String user) {
        return request(node, user, ROLE, 1);
    }

    private static String request(PortalNode node, String user, String entitlement, int minutes) {
        var ticket = RequestTracker.openChange(user);
        var submitted = node.post("/api/v1/requests", token(user), "{\"entitlement\":\"" + entitlement
                + "\",\"ticket\":\"" + ticket + "\",\"justification\":\"cluster test of the writ lifecycle\","
                + "\"durationMinutes\":" + minutes + "}");
        expect(201, submitted, "request on node " + node.name);
        return Json.string(submitted.body(), "id");
    }

    private static HttpResponse<String> decide(PortalNode node, String approver, String writ) {
        return node.post("/api/v1/requests/" + writ + "/decisions", token(approver),
                "{\"decision\":\"APPROVE\",\"comment\":\"approved on node " + node.name + "\"}");
    }

    private static void approve(PortalNode node, String writ) {
        expect(200, node.post("/api/v1/requests/" + writ + "/decisions", token("bob"),
                "{\"decision\":\"APPROVE\",\"comment\":\"approved on node " + node.name + "\"}"), "approval");
    }

    private static void end(String requester, String writ) {
        expect(200, a.post("/api/v1/requests/" + writ + "/end", token(requester), ""), "end");
    }

    private static String read(String writ) {
        var answer = a.get("/api/v1/requests/" + writ, token("dave"));
        expect(200, answer, "read");
        return answer.body();
    }

    private static void awaitStatus(String writ, String status) {
        await("writ " + writ + " " + status).atMost(SOON).pollInterval(Duration.ofMillis(250))
                .until(() -> status.equals(Json.string(read(writ), "status")));
    }

    private static void expect(int status, HttpResponse<String> answer, String what) {
        assertThat(answer).as(what + ": no answer").isNotNull();
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(status);
    }

    /** Per writ, how many records of each of those actions the shared database's audit trail holds. */
    private static Map<String, List<Long>> auditCounts(List<String> writs, String... actions) throws SQLException {
        var counts = new java.util.TreeMap<String, List<Long>>();
        try (var db = DriverManager.getConnection(database, "writ", "writ");
             var query = db.prepareStatement("select count(*) from audit_record where subject = ? and action = ?")) {
            for (var writ : writs) {
                var row = new ArrayList<Long>();
                for (var action : actions) {
                    query.setString(1, "writ:" + writ);
                    query.setString(2, action);
                    try (var result = query.executeQuery()) {
                        result.next();
                        row.add(result.getLong(1));
                    }
                }
                counts.put(writ, row);
            }
        }
        return counts;
    }
}

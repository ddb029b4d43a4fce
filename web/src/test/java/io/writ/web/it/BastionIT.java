package io.writ.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import io.writ.domain.Sha256;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real OpenSSH bastion (scripts/bastion.sh: sshd from Debian's packages and the Writ bastion agent) in front of the
 * running portal and the real Keycloak, reached with the real ssh and sftp clients: the writ decides each login,
 * what happens is recorded under the writ that admitted it, and the session is cut off when the writ ends. The agent
 * reaches the portal through a relay the tests can cut, as if the portal stopped.
 * <p>
 * It runs beside the other classes (its longest wait is a one-minute window ending), its own tests one after the
 * other, as people of its own (see {@link #ANN}); the bastion's Unix accounts are theirs.
 */
@ExtendWith(TestPortal.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = KeycloakRecoveryIT.TEST_KEYCLOAK, mode = ResourceAccessMode.READ)
@ResourceLock(TestPortal.FIGURES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BastionIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    /** Longer than the agent's list of who it lets in is trusted (a second), with the time to notice. */
    private static final Duration LIST_FRESH = Duration.ofSeconds(5);
    /** The promise: the session ends within 2 s of Keycloak's read-back of the removal. */
    private static final Duration CUT_OFF = Duration.ofSeconds(2);
    /**
     * People of this class's own (requesters, password = username), so that no writ of the classes running beside
     * it keeps or loses their roles: a writ's revocation leaves a role another ACTIVE writ of the same person covers.
     */
    private static final String ANN = "ops-ann";
    private static final String BEN = "ops-ben";
    private static final String ON_THE_BASTION = "{\"targets\":[\"" + Bastion.NAME + "\"]}";


    private static TcpRelay portal;
    private static Bastion bastion;
    /**
     * Frank's one-minute writ and the shell he opened under it, after the tests that stop the agent or cut the
     * portal off: the last test sees the window's end cut it off.
     */
    private static String windowWrit;
    private static Bastion.Shell windowShell;
    private static java.util.Set<String> windowSessions;

    @BeforeAll
    static void startTheBastion() {
        for (var person : new String[] {ANN, BEN}) {
            if (!KeycloakAdmin.userExists(person)) {
                KeycloakAdmin.createRequester(person);
            }
        }
        portal = TcpRelay.to(Integer.parseInt(TestEnvironment.property("writ.it.portal.port")));
        int port = Integer.parseInt(TestEnvironment.property("writ.it.bastion.port"));
        bastion = Bastion.start(port, Map.of(
                "WRIT_URL", "http://127.0.0.1:" + portal.port(),
                "WRIT_KEYCLOAK_URL", TestEnvironment.KEYCLOAK_URL,
                "WRIT_BASTION_AGENT_PORT", Integer.toString(port + 1),
                "WRIT_BASTION_SERVED", "bastion-shell,prod-db-admin",
                "WRIT_BASTION_USERS", ANN + " " + BEN,
                "WRIT_BASTION_POLL_MILLIS", "250",
                "WRIT_BASTION_SECRET", "bastion-agent-secret"));
    }

    @AfterAll
    static void stopTheBastion() {
        if (windowShell != null) {
            windowShell.close();
        }
        if (bastion != null) {
            bastion.stop();
        }
        portal.close();
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void theWritDecidesTheLoginAndWhatHappensIsRecordedUnderIt() {
        var refused = bastion.ssh(ANN, "id -un");
        assertThat(refused.status()).as("no writ opens bastion-1 for " + ANN + " yet").isEqualTo(255);
        assertThat(refused.errors()).contains("Permission denied");
        var refusal = latestRefusalOf(ANN);
        assertThat(refusal.getString("bastion")).isEqualTo(Bastion.NAME);
        assertThat(refusal.getString("from")).startsWith("127.0.0.1 port ");
        assertThat(refusal.getString("reason")).contains("needs an ACTIVE writ for bastion-shell or prod-db-admin");

        var writ = activeWrit(ANN, "bastion-shell", 30, ON_THE_BASTION, "bob");
        var allowed = bastion.ssh(ANN, "cd /tmp && printf '%s|%s\\n' \"$(id -un)\" \"$PWD\"");
        assertThat(allowed.status()).as(allowed.errors()).isZero();
        assertThat(allowed.text()).isEqualTo(ANN + "|/tmp\n");
        var upload = "report-" + UUID.randomUUID() + ".txt";
        var content = "twelve bytes";
        var sent = bastion.sftp(ANN, "put " + localFile(content) + " /home/" + ANN + "/" + upload + "\n");
        assertThat(sent.status()).as(sent.errors()).isZero();

        await().atMost(SOON).until(() -> eventsUnder(writ).contains("\"FILE_TRANSFER\""));
        var sessions = sessionsOf(writ);
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.getString("link")).isEqualTo("LINKED");
            assertThat(s.getString("writId")).isEqualTo(writ);
        });
        var command = event(sessions, "COMMAND");
        assertThat(command.getString("detail")).isEqualTo("cd /tmp && printf '%s|%s\\n' \"$(id -un)\" \"$PWD\"");
        assertThat(command.getString("directory")).isEqualTo("/home/" + ANN);
        assertThat(command.getString("target")).isEqualTo(Bastion.NAME);
        var transfer = event(sessions, "FILE_TRANSFER");
        assertThat(transfer.getString("target")).isEqualTo("/home/" + ANN + "/" + upload);
        assertThat(transfer.getString("detail")).isEqualTo("upload of " + content.length() + " bytes");

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token(ANN), "").statusCode()).isEqualTo(200);
        Writs.awaitRevoked(ANN, writ, SOON);
        // The agent's list of who it lets in is asked again every 250 ms and trusted for at most a second.
        await().atMost(LIST_FRESH).until(() -> bastion.ssh(ANN, "id -un").status() == 255);
        assertThat(latestRefusalOf(ANN).getString("reason")).as("the writ ended: refused again")
                .contains("needs an ACTIVE writ for bastion-shell");
    }

    @Test
    @Order(5)
    @Execution(ExecutionMode.SAME_THREAD)
    void anOutOfScopeCommandContainsTheWritAndCutsTheLiveShellOff() {
        var writ = activeWrit(ANN, "prod-db-admin", 60,
                "{\"targets\":[\"" + Bastion.NAME + "\"],\"commands\":[\"psql*\",\"ls*\"]}", "bob", "carol");
        var shell = bastion.shell(ANN);
        shell.type("ls -d /tmp");
        await().atMost(SOON).until(() -> eventsUnder(writ).contains("ls -d /tmp"));
        assertThat(shell.isAlive()).isTrue();
        assertThat(PortalDatabase.auditAbout("writ:" + writ)).as("the login, from the bastion's report of it")
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("bastion.session-opened"));

        shell.type("cat /etc/shadow");

        var contained = Writs.awaitRevoked(ANN, writ, SOON);
        assertThat(Json.string(contained, "status")).isEqualTo("CONTAINED");
        await().atMost(SOON).until(() -> !shell.isAlive());
        await("the bastion's report that it cut the shell off").atMost(SOON)
                .until(() -> sessionsOf(writ).get(0).getString("terminatedAt", null) != null);
        assertThat(eventsUnder(writ)).contains("cat /etc/shadow").contains("\"SESSION_TERMINATED\"");
        assertThat(SessionEvents.alertOn(writ)).contains("\"rule\":\"OUT_OF_SCOPE_COMMAND\"");

        await().atMost(SOON).until(() -> sessionsOf(writ).get(0).getString("recordingSha256", null) != null);
        var recorded = sessionsOf(writ).get(0);
        var recording = Http.download("/api/v1/requests/" + writ + "/sessions/" + recorded.getString("id")
                + "/recording", token("dave"));
        assertThat(recording.statusCode()).isEqualTo(200);
        assertThat(Sha256.hex(Sha256.digest().digest(recording.body())))
                .as("the recording as kept, its SHA-256 on the session")
                .isEqualTo(recorded.getString("recordingSha256"));
        var cast = new String(recording.body(), StandardCharsets.UTF_8);
        assertThat(cast.lines().findFirst().orElseThrow()).contains("\"version\":2");
        assertThat(cast).as("the terminal, as the shell echoed what was typed").contains("ls -d /tmp")
                .contains("cat /etc/shadow");
        assertThat(Http.download("/api/v1/requests/" + writ + "/sessions/" + recorded.getString("id")
                + "/recording", token("admin")).statusCode()).as("no role that reads writs").isEqualTo(403);

        try (var dave = Person.signIn("dave")) {
            dave.open("/writ.xhtml?id=" + writ, By.id("writ-title"));
            dave.waitFor(By.cssSelector(".writ-recording[data-state='ready']"), "the recording's player");
            assertThat(dave.text(By.cssSelector(".writ-recording-sha256"))).isEqualTo(recorded.getString(
                    "recordingSha256"));
            var moment = dave.browser.findElements(By.cssSelector(".writ-recording .writ-seek")).stream()
                    .filter(b -> b.getText().contains("cat /etc/shadow")).findFirst().orElseThrow();
            moment.click();
            await().atMost(SOON).until(() -> dave.text(By.cssSelector(".writ-recording .writ-player"))
                    .contains("ls -d /tmp"));
            dave.screenshot("bastion-session-replay");
            assertThat(dave.text(By.id("bastion-sessions-ended"))).as("beside Keycloak's logout")
                    .startsWith("1 (the last at ");

            dave.open("/alerts.xhtml", By.id("refusals-heading"));
            assertThat(dave.text(By.id("desk:refusals"))).as("the security desk's refused logins")
                    .contains(ANN, Bastion.NAME, "127.0.0.1 port", "needs an ACTIVE writ for bastion-shell");
        }
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void whileThePortalIsAwayNewLoginsAreRefusedAndTheSessionsEventsWaitToArriveOnce() {
        var writ = activeWrit(ANN, "bastion-shell", 30, ON_THE_BASTION, "carol");
        var shell = bastion.shell(ANN);
        shell.type("echo before-" + writ);
        await().atMost(SOON).until(() -> eventsUnder(writ).contains("echo before-"));

        var logged = Bastion.agentLogSize();
        portal.cut();
        try {
            await().atMost(LIST_FRESH).until(() -> Bastion.agentLogSince(logged)
                    .contains("the portal's list of who this bastion lets in could not be read"));
            var refused = bastion.ssh(ANN, "true");
            assertThat(refused.status()).as("fail closed").isEqualTo(255);
            assertThat(Bastion.agentLogSince(logged))
                    .contains("refused (fail closed): the portal could not decide the login of " + ANN);
            shell.type("echo during-" + writ);
            shell.type("echo still-during-" + writ);
            await().atMost(SOON).until(() -> shell.output().contains("still-during-"));
            assertThat(shell.isAlive()).as("a live session goes on while the portal is away").isTrue();
        } finally {
            portal.restore();
        }

        await().atMost(SOON).until(() -> eventsUnder(writ).contains("echo still-during-"));
        var commands = sessionsOf(writ).get(0).getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("COMMAND")).map(e -> e.getString("detail")).toList();
        assertThat(commands).containsExactly("echo before-" + writ, "echo during-" + writ,
                "echo still-during-" + writ);

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token(ANN), "").statusCode()).isEqualTo(200);
        await().atMost(SOON).until(() -> !shell.isAlive());
    }

    @Test
    @Order(6)
    @Execution(ExecutionMode.SAME_THREAD)
    void hostileNamesCommandsAndOutputChangeNothing() {
        var odd = bastion.ssh(ANN + ";id", "true");
        assertThat(odd.status()).isEqualTo(255);
        var agentToken = KeycloakTokens.forClient("bastion-agent", "bastion-agent-secret");
        var badNames = Http.post("/api/v1/bastion/logins", agentToken, "{\"bastion\":\"bastion 1\",\"identity\":"
                + "\"alice; rm -rf /\",\"account\":\"$(id)\",\"served\":[\"bastion-shell\"]}");
        assertThat(badNames.statusCode()).isEqualTo(400);
        assertThat(badNames.body())
                .contains("\"field\":\"bastion\"", "\"field\":\"identity\"", "\"field\":\"account\"");

        var writ = activeWrit(ANN, "bastion-shell", 30, ON_THE_BASTION, "bob");
        var tricky = "echo '$(whoami)' \"`id -u`\" ; printf 'a\\tb\\n' | cat # && rm -rf /nothing";
        var answered = bastion.ssh(ANN, tricky);
        assertThat(answered.status()).as(answered.errors()).isZero();
        var recorder = bastion.ssh(ANN, "kill -9 $PPID; echo killed=$?; ls /var/lib/writ-bastion 2>&1");
        assertThat(recorder.text()).as("the person can neither stop nor read the recorder")
                .contains("killed=1").contains("Permission denied");
        var binary = bastion.ssh(ANN, "head -c 100000 /dev/urandom");
        assertThat(binary.output()).as("binary output passes untouched").hasSize(100_000);
        var longLine = "echo " + "x".repeat(6_000);
        assertThat(bastion.ssh(ANN, longLine).output()).hasSize(6_001);

        await().atMost(SOON).until(() -> eventsUnder(writ).contains("x".repeat(100)));
        var details = sessionsOf(writ).stream().flatMap(s -> s.getJsonArray("timeline").getValuesAs(JsonObject.class)
                .stream()).filter(e -> e.getString("type").equals("COMMAND")).map(e -> e.getString("detail")).toList();
        assertThat(details).contains(tricky, "head -c 100000 /dev/urandom");
        assertThat(details).anySatisfy(d -> assertThat(d).startsWith("echo xxx").hasSize(4_000).endsWith("…"));

        var list = Http.get("/api/v1/bastion/admissions?bastion=" + Bastion.NAME + "&served=bastion-shell", agentToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(object(list.body()).getJsonArray("admissions").getValuesAs(JsonObject.class))
                .as("who bastion-1 lets in, as its agent reads it").anySatisfy(a -> {
                    assertThat(a.getString("identity")).isEqualTo(ANN);
                    assertThat(a.getString("writ")).isEqualTo(writ);
                });
        var badList = Http.get("/api/v1/bastion/admissions?bastion=bastion%201", agentToken);
        assertThat(badList.statusCode()).isEqualTo(400);
        assertThat(badList.body()).contains("\"field\":\"bastion\"", "\"field\":\"served\"");

        var notTheAgent = KeycloakTokens.forClient("ci-deployer", "ci-deployer-secret");
        assertThat(Http.post("/api/v1/bastion/logins", notTheAgent, "{}").statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/bastion/admissions?bastion=bastion-1&served=bastion-shell", notTheAgent)
                .statusCode()).isEqualTo(403);
        assertThat(Http.post("/api/v1/bastion/live", notTheAgent, "{\"sessions\":[]}").statusCode()).isEqualTo(403);
        var forged = Http.post(SessionEvents.PATH, SessionEvents.ingestToken(), "application/json",
                "{\"eventId\":\"forged-" + UUID.randomUUID() + "\",\"sessionId\":\"forged\",\"identity\":\""
                        + BEN + "\",\"type\":\"SESSION_START\",\"at\":\"" + Instant.now() + "\",\"writ\":\"" + writ
                        + "\"}");
        assertThat(forged.statusCode()).isEqualTo(202);
        assertThat(forged.body()).contains("\"accepted\":0").contains("is no granted writ of " + BEN);
        assertThat(Http.post(SessionEvents.PATH, notTheAgent, "application/json", "{}").statusCode()).isEqualTo(403);
        Http.post("/api/v1/requests/" + writ + "/end", token(ANN), "");
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void anAgentWhoseSecretWasRotatedRefusesLoginsAndSaysWhy() {
        var writ = activeWrit(ANN, "bastion-shell", 30, ON_THE_BASTION, "carol");
        var rotated = "rotated-" + UUID.randomUUID();
        KeycloakAdmin.setClientSecret("bastion-agent", rotated);
        try {
            var logged = Bastion.agentLogSize();
            bastion.restart(Map.of());
            assertThat(bastion.ssh(ANN, "true").status()).as("the old secret: fail closed").isEqualTo(255);
            assertThat(Bastion.agentLogSince(logged))
                    .contains("Keycloak refused the agent's credentials (client bastion-agent");

            bastion.restart(Map.of("WRIT_BASTION_SECRET", rotated));
            var admitted = bastion.ssh(ANN, "echo again");
            assertThat(admitted.status()).as(admitted.errors()).isZero();
        } finally {
            KeycloakAdmin.setClientSecret("bastion-agent", "bastion-agent-secret");
            bastion.restart(Map.of());
        }
        Http.post("/api/v1/requests/" + writ + "/end", token(ANN), "");
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void aShellOpensUnderAWritOfOneMinute() {
        windowWrit = activeWrit(BEN, "bastion-shell", 1, ON_THE_BASTION, "bob");
        assertThat(KeycloakAdmin.holdsRealmRole(BEN, "bastion-shell")).isTrue();
        KeycloakTokens.forUser(BEN, BEN); // a Keycloak session under the role, to be logged out when the window ends
        windowSessions = KeycloakAdmin.sessionIds(BEN);
        windowShell = bastion.shell(BEN);
        windowShell.type("echo window-open");
        await().atMost(SOON).until(() -> eventsUnder(windowWrit).contains("echo window-open"));
        assertThat(windowShell.isAlive()).isTrue();
        assertThat(sessionsOf(windowWrit)).singleElement().satisfies(s -> {
            assertThat(s.getString("link")).isEqualTo("LINKED");
            assertThat(s.getString("terminatedAt", null)).isNull();
        });
    }

    @Test
    @Order(7)
    @Execution(ExecutionMode.SAME_THREAD)
    void theWindowsEndCutsItsSessionOffWithinTwoSecondsOfTheReadBack() {
        var ended = Writs.awaitRevoked(BEN, windowWrit, Duration.ofSeconds(100));
        assertThat(Json.string(ended, "status")).isEqualTo("ENDED");
        assertThat(Json.string(ended, "revocationReason")).isEqualTo("WINDOW_ENDED");
        assertThat(KeycloakAdmin.holdsRealmRole(BEN, "bastion-shell")).as("the role is gone from Keycloak").isFalse();
        assertThat(KeycloakAdmin.sessionIds(BEN)).as("the sessions under it logged out")
                .doesNotContainAnyElementsOf(windowSessions);
        await().atMost(SOON).until(() -> !windowShell.isAlive());
        await().atMost(SOON).until(() -> eventsUnder(windowWrit).contains("\"SESSION_TERMINATED\""));
        var session = sessionsOf(windowWrit).get(0);
        var absent = Instant.parse(Json.string(ended, "confirmedAbsentAt"));
        var cutOff = Instant.parse(session.getString("terminatedAt"));
        assertThat(Duration.between(absent, cutOff)).as("read back absent at " + absent + ", cut off at " + cutOff)
                .isLessThanOrEqualTo(CUT_OFF);
        assertThat(eventsUnder(windowWrit)).contains("echo window-open");
    }

    // --- writs and their evidence ----------------------------------------------------------------------------------

    /** The requester's writ with this scope, approved by the approvers and granted. */
    private static String activeWrit(String requester, String entitlement, int minutes, String scope,
                                     String... approvers) {
        var response = Http.post("/api/v1/requests", token(requester), "{\"entitlement\":" + Json.quote(entitlement)
                + ",\"ticket\":" + Json.quote(openTicket()) + ",\"justification\":\"work on the bastion\","
                + "\"durationMinutes\":" + minutes + ",\"scope\":" + scope + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var writ = Json.string(response.body(), "id");
        for (var approver : approvers) {
            assertThat(decide(approver, writ, "APPROVE", "bastion work").statusCode()).isEqualTo(200);
        }
        awaitStatus(requester, writ, "ACTIVE", SOON);
        return writ;
    }

    private static String eventsUnder(String writ) {
        var answer = Http.get("/api/v1/requests/" + writ + "/sessions", token("dave"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The bastion's sessions under the writ (Keycloak's logins are linked to it too). */
    private static List<JsonObject> sessionsOf(String writ) {
        return array(eventsUnder(writ)).getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("source").equals("BASTION")).toList();
    }

    private static JsonObject event(List<JsonObject> sessions, String type) {
        return sessions.stream().flatMap(s -> s.getJsonArray("timeline").getValuesAs(JsonObject.class).stream())
                .filter(e -> e.getString("type").equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + sessions));
    }

    private static JsonObject latestRefusalOf(String identity) {
        var answer = Http.get("/api/v1/bastion/refusals", token("dave"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return array(answer.body()).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("identity").equals(identity)).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal of " + identity + " in " + answer.body()));
    }

    private static JsonObject object(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonArray array(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static String localFile(String content) {
        try {
            var file = Files.createTempFile("bastion-upload", ".txt");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

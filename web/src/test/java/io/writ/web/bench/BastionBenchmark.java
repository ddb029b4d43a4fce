package io.writ.web.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The SSH bastion under 20 concurrent sessions (scripts/bastion-benchmark.sh starts the portal, Keycloak and the
 * bastion, as root): the login decision as sshd waits for it (the agent's gate, asking the portal), a command's time
 * from the bastion's shell to the portal's stored evidence, and the time from Keycloak's read-back of a revocation
 * to the session's end. Writes its section of BENCHMARKS.md.
 */
public final class BastionBenchmark {

    private static final Pattern EVENT = Pattern.compile(
            "\\{[^{}]*\"at\":\"([^\"]+)\",\"receivedAt\":\"([^\"]+)\"[^{}]*\"detail\":\"echo (bench-[^\"]+)\"[^{}]*\\}");
    private static final Duration SOON = Duration.ofSeconds(60);

    private final Endpoints api;
    private final Writs writs;
    private final int sessions = Integer.parseInt(env("BENCH_BASTION_SESSIONS", "20"));
    private final int rounds = Integer.parseInt(env("BENCH_BASTION_ROUNDS", "3"));
    private final int commands = Integer.parseInt(env("BENCH_BASTION_COMMANDS", "5"));
    private final int port = Integer.parseInt(env("WRIT_BASTION_PORT", "2222"));
    private final Path keys = Path.of(env("BENCH_BASTION_KEYS", "data/bastion/keys"));
    private final Timings decisions = new Timings();
    private final Timings portalDecisions = new Timings();
    private final Timings evidence = new Timings();
    private final Timings evidenceSeen = new Timings();
    private final Timings cutOff = new Timings();
    private final Timings cutOffSeenByClient = new Timings();
    private final HttpClient http = HttpClient.newHttpClient();

    private BastionBenchmark() {
        api = new Endpoints(env("WRIT_PORTAL_URL", "http://localhost:8280"),
                env("WRIT_KEYCLOAK_URL", "http://localhost:8380"));
        writs = new Writs(api);
    }

    public static void main(String[] args) throws Exception {
        var bench = new BastionBenchmark();
        var started = Instant.now();
        for (int round = 1; round <= bench.rounds; round++) {
            bench.round(round);
        }
        bench.write(Path.of(env("BENCH_REPORT", "BENCHMARKS.md")), started);
    }

    private void round(int round) throws Exception {
        var users = IntStream.rangeClosed(1, sessions).mapToObj(i -> String.format("bench%02d", i)).toList();
        var granted = new ConcurrentHashMap<String, String>();
        each(users, user -> {
            writs.benchUser(user);
            var writ = writs.request(user, "bastion-shell", 30, "{\"targets\":[\"bastion-1\"]}");
            writs.approve("bob", writ);
            Writs.until(() -> "ACTIVE".equals(writs.status(writ)), SOON, "writ " + writ + " active", 100);
            granted.put(user, writ);
        });
        measureDecisions(users);
        measurePortalDecisions(users);

        var exits = new ConcurrentHashMap<String, Long>();
        // Watched from before the first command is typed, so a command is seen stored as soon as a look finds it.
        var stored = java.util.concurrent.CompletableFuture.runAsync(() -> awaitEvidence(granted));
        each(users, user -> {
            var shell = new ProcessBuilder("ssh", "-tt", "-p", Integer.toString(port), "-i",
                    keys.resolve(user).toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", user + "@127.0.0.1").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            shell.onExit().thenRun(() -> exits.put(user, System.nanoTime()));
            OutputStream in = shell.getOutputStream();
            for (int i = 0; i < commands; i++) {
                Writs.sleep(300);
                in.write(("echo bench-" + round + "-" + user + "-" + i + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
        });
        stored.join();

        var ended = new ConcurrentHashMap<String, Long>();
        each(users, user -> {
            ended.put(user, System.nanoTime());
            writs.end(user, granted.get(user));
        });
        Writs.until(() -> exits.size() == users.size(), SOON, "every shell cut off", 5);
        users.forEach(user -> cutOffSeenByClient.addNanos(exits.get(user) - ended.get(user)));
        for (var user : users) {
            var writ = granted.get(user);
            Writs.until(() -> sessionsOf(writ).contains("\"terminatedAt\""), SOON, "termination of " + writ, 100);
            // The bastion may cut the session off before the revocation is recorded (it asks whether the writ ended).
            Writs.until(() -> Writs.instant(writs.read(writ), "confirmedAbsentAt") != null, SOON,
                    "revocation of " + writ, 100);
            var absent = Writs.instant(writs.read(writ), "confirmedAbsentAt");
            var terminated = Writs.instant(sessionsOf(writ), "terminatedAt");
            cutOff.add(Duration.between(absent, terminated).toNanos() / 1_000_000.0);
        }
        System.out.printf("round %d: decisions %s; portal %s; evidence %s; cut off %s%n", round, decisions.summary(), portalDecisions.summary(),
                evidence.summary(), cutOff.summary());
    }

    /** Every user's login asked of the agent's gate at once, ten times: what sshd waits for at each login. */
    private void measureDecisions(List<String> users) throws Exception {
        var header = Files.readString(Path.of("/etc/writ-bastion/local-token.header")).strip().split(":\\s*", 2);
        var gate = "http://127.0.0.1:" + Files.readString(Path.of("/etc/writ-bastion/local-port")).strip() + "/gate";
        each(users, user -> {
            for (int i = 0; i < 10; i++) {
                // A process id no sshd has: each question is a new connection, decided by the portal.
                var request = HttpRequest.newBuilder(URI.create(gate + "?account=" + user + "&sshd="
                        + (900_000_000 + i * 1000 + user.hashCode() % 1000))).header(header[0], header[1])
                        .GET().build();
                var start = System.nanoTime();
                var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                decisions.addNanos(System.nanoTime() - start);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(user + " refused: " + answer.body());
                }
            }
        });
    }

    /** The same questions asked of the portal directly, with the agent's own credentials: the portal's share. */
    private void measurePortalDecisions(List<String> users) throws Exception {
        var token = api.client("bastion-agent", "bastion-agent-secret");
        each(users, user -> {
            for (int i = 0; i < 10; i++) {
                var body = "{\"bastion\":\"bastion-1\",\"identity\":\"" + user + "\",\"account\":\"" + user
                        + "\",\"from\":\"127.0.0.1 port " + (40_000 + i) + "\",\"served\":[\"bastion-shell\"]}";
                var start = System.nanoTime();
                var answer = api.post("/api/v1/bastion/logins", token, body);
                portalDecisions.addNanos(System.nanoTime() - start);
                if (answer.statusCode() != 200 || !answer.body().contains("\"admitted\":true")) {
                    throw new IllegalStateException(user + " refused by the portal: " + answer.body());
                }
            }
        });
    }

    private interface PerUser {
        void run(String user) throws Exception;
    }

    /** Runs the task for every user at once, and waits for all; the first failure is thrown. */
    private static void each(List<String> users, PerUser task) throws Exception {
        var pool = Executors.newFixedThreadPool(users.size());
        try {
            var done = pool.invokeAll(users.stream().map(user -> (java.util.concurrent.Callable<Void>) () -> {
                task.run(user);
                return null;
            }).toList());
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Polls each writ's sessions every 250 ms until every command is stored. A command's delay is from its time on
     * the bastion (the shell's) to when the portal took it in (the portal's; one machine, one clock); and, as an
     * upper bound that includes the polling, to when a look first saw it.
     */
    private void awaitEvidence(Map<String, String> granted) {
        var seen = new ConcurrentHashMap<String, Boolean>();
        var expected = granted.size() * commands;
        Writs.until(() -> {
            for (var writ : granted.values()) {
                var body = sessionsOf(writ);
                var now = Instant.now();
                var m = EVENT.matcher(body);
                while (m.find()) {
                    if (seen.putIfAbsent(m.group(3), true) == null) {
                        var typed = Instant.parse(m.group(1));
                        evidence.add(Duration.between(typed, Instant.parse(m.group(2))).toNanos() / 1_000_000.0);
                        evidenceSeen.add(Duration.between(typed, now).toNanos() / 1_000_000.0);
                    }
                }
            }
            return seen.size() >= expected;
        }, SOON, expected + " commands stored", 250);
    }

    private String sessionsOf(String writ) {
        return api.get("/api/v1/requests/" + writ + "/sessions", api.user("dave")).body();
    }

    private void write(Path report, Instant started) throws IOException {
        var section = new StringBuilder()
                .append("<!-- bastion: written by scripts/bastion-benchmark.sh -->\n")
                .append("## SSH bastion, ").append(started.toString(), 0, 10).append("\n\n")
                .append("`sudo scripts/bastion-benchmark.sh` (a fresh portal and Keycloak on ports 8280 and 8380, H2; ")
                .append("sshd and the agent from scripts/bastion.sh on this machine): ").append(rounds)
                .append(" rounds of ").append(sessions).append(" concurrent interactive sessions, each under its own ")
                .append("bastion-shell writ, ").append(commands).append(" commands typed in each.\n\n")
                .append("| measure | goal | figures |\n|---|---|---|\n")
                .append("| login decision (the agent's gate asking the portal, 20 at once) | p99 ≤ 50 ms | ")
                .append(decisions.summary()).append(" |\n")
                .append("| the same question asked of the portal directly (its share of the decision) | — | ")
                .append(portalDecisions.summary()).append(" |\n")
                .append("| a command, from the shell on the bastion to the portal taking it in as evidence (both times ")
                .append("measured where they happened: the shell's, the portal's `receivedAt`) | p99 ≤ 2 s | ")
                .append(evidence.summary()).append(" |\n")
                .append("| the same, to a client polling the 20 writs' sessions every 250 ms first seeing it (an upper ")
                .append("bound: a look at 20 writs takes time under load) | — | ").append(evidenceSeen.summary())
                .append(" |\n")
                .append("| revocation read back absent in Keycloak → the session cut off (both times measured where ")
                .append("they happened) | p99 ≤ 2 s | ").append(cutOff.summary()).append(" |\n")
                .append("| *End now* asked → the ssh client sees its connection closed | — | ")
                .append(cutOffSeenByClient.summary()).append(" |\n")
                .append("<!-- /bastion -->\n");
        var text = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        var start = text.indexOf("<!-- bastion:");
        var end = text.indexOf("<!-- /bastion -->");
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + section + text.substring(end + "<!-- /bastion -->\n".length());
        } else {
            var afterTitle = text.indexOf("\n## ");
            text = afterTitle < 0 ? text + "\n" + section
                    : text.substring(0, afterTitle + 1) + section + "\n" + text.substring(afterTitle + 1);
        }
        Files.writeString(report, text);
        System.out.println(section);
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}

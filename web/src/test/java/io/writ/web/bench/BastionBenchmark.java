package io.writ.web.bench;

import java.io.IOException;
import java.io.OutputStream;
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

    /** An event of the timeline: a JSON object without nested objects, its fields in any order. */
    private static final Pattern EVENT = Pattern.compile("\\{[^{}]*\"detail\":\"echo (bench-[^\"]+)\"[^{}]*\\}");
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");
    private static final Duration SOON = Duration.ofSeconds(60);

    private final Endpoints api;
    private final Writs writs;
    private final int sessions = Integer.parseInt(env("BENCH_BASTION_SESSIONS", "20"));
    private final int rounds = Integer.parseInt(env("BENCH_BASTION_ROUNDS", "3"));
    private final int commands = Integer.parseInt(env("BENCH_BASTION_COMMANDS", "5"));
    private final int port = Integer.parseInt(env("WRIT_BASTION_PORT", "2222"));
    private final Path keys = Path.of(env("BENCH_BASTION_KEYS", "data/bastion/keys"));
    private final Timings decisions = new Timings();
    /** The same, from the second round on: the first warms the agent's, the portal's and this client's JVMs up. */
    private final Timings warmDecisions = new Timings();
    private final Timings portalDecisions = new Timings();
    private final Timings helperRuns = new Timings();
    /** sshd's AuthorizedKeysCommand, as scripts/bastion.sh installs it. */
    private static final String GATE = "/usr/local/libexec/writ-bastion/gate";
    private final Timings evidence = new Timings();
    private final Timings cutOff = new Timings();
    private final Timings cutOffSeenByClient = new Timings();

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
        measureDecisions(users, round);
        measurePortalDecisions(users);

        var exits = new ConcurrentHashMap<String, Long>();
        // Watched from before the first command is typed, so a command is seen stored as soon as a look finds it.
        var stored = java.util.concurrent.CompletableFuture.runAsync(() -> awaitEvidence(granted));
        // Twenty sessions open at once; the commands are typed once every shell answers (a login's own work is the
        // login decision's measure, not a command's).
        var allOpen = new java.util.concurrent.CyclicBarrier(users.size());
        each(users, user -> {
            var shell = new ProcessBuilder("ssh", "-tt", "-p", Integer.toString(port), "-i",
                    keys.resolve(user).toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", user + "@127.0.0.1").redirectErrorStream(true).start();
            shell.onExit().thenRun(() -> exits.put(user, System.nanoTime()));
            var answered = new java.util.concurrent.CountDownLatch(1);
            var ready = "ready-42-" + user; // what the shell prints, not what the terminal echoes as typed
            var output = new Thread(() -> drain(shell, ready, answered), "output of " + user);
            output.setDaemon(true);
            output.start();
            OutputStream in = shell.getOutputStream();
            in.write(("echo ready-$((6*7))-" + user + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            if (!answered.await(SOON.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the shell of " + user + " did not answer");
            }
            allOpen.await(SOON.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
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
        System.out.printf("round %d: decisions %s (warm %s); helper %s; portal %s; evidence %s; cut off %s%n", round,
                decisions.summary(), warmDecisions.summary(), helperRuns.summary(), portalDecisions.summary(),
                evidence.summary(), cutOff.summary());
    }

    /**
     * Every user's login asked of the agent's gate at once, ten times, as sshd's helper asks it (curl: a new
     * connection, one request, the answer read to its end); timed from the connection to the answer's last byte, in
     * this process, so that neither a process's start nor an HTTP client's own machinery is counted. Then the helper
     * itself, run as sshd runs it ({@code AuthorizedKeysCommand}: a shell, curl), twenty at once: what sshd waits
     * for, with the machine's cost of starting two processes.
     */
    private void measureDecisions(List<String> users, int round) throws Exception {
        var header = Files.readString(Path.of("/etc/writ-bastion/local-token.header")).strip();
        int local = Integer.parseInt(Files.readString(Path.of("/etc/writ-bastion/local-port")).strip());
        each(users, user -> {
            for (int i = 0; i < 10; i++) {
                // A process id no sshd has: the question is decided afresh, as a new connection's is.
                var request = "GET /gate?account=" + user + "&sshd=" + (900_000_000 + i * 1000 + user.hashCode() % 1000)
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nConnection: close\r\n\r\n";
                var start = System.nanoTime();
                String answer;
                try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), local)) {
                    socket.setTcpNoDelay(true);
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                decisions.addNanos(System.nanoTime() - start);
                if (round > 1) {
                    warmDecisions.addNanos(System.nanoTime() - start);
                }
                if (!answer.startsWith("HTTP/1.1 200")) {
                    throw new IllegalStateException(user + " refused: " + answer);
                }
            }
        });
        each(users, user -> {
            for (int i = 0; i < 10; i++) {
                var start = System.nanoTime();
                var helper = new ProcessBuilder(GATE, user).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                var keys = new String(helper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                helper.waitFor();
                helperRuns.addNanos(System.nanoTime() - start);
                if (!keys.startsWith("restrict")) {
                    throw new IllegalStateException(user + " refused by " + GATE);
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
     * Reads each writ's sessions every second until every command is stored. A command's delay is from its time on
     * the bastion (the shell's) to when the portal took it in (the portal's {@code receivedAt}; one machine, one
     * clock): exact, whenever it is read.
     */
    private void awaitEvidence(Map<String, String> granted) {
        var seen = new ConcurrentHashMap<String, Boolean>();
        var expected = granted.size() * commands;
        Writs.until(() -> {
            for (var writ : granted.values()) {
                var body = sessionsOf(writ);
                var m = EVENT.matcher(body);
                while (m.find()) {
                    if (seen.putIfAbsent(m.group(1), true) == null) {
                        var typed = Instant.parse(field(AT, m.group()));
                        var received = Instant.parse(field(RECEIVED_AT, m.group()));
                        evidence.add(Duration.between(typed, received).toNanos() / 1_000_000.0);
                    }
                }
            }
            return seen.size() >= expected;
        }, SOON, expected + " commands stored", 1000);
    }

    /** Reads a shell's output to its end (a terminal whose output is not read stops its shell); says when it is ready. */
    private static void drain(Process shell, String ready, java.util.concurrent.CountDownLatch answered) {
        var seen = new StringBuilder();
        var buffer = new byte[8192];
        try (var out = shell.getInputStream()) {
            int n;
            while ((n = out.read(buffer)) > 0) {
                if (answered.getCount() > 0) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (seen.indexOf(ready) >= 0) {
                        answered.countDown();
                    }
                }
            }
        } catch (IOException e) {
            // the session was cut off
        }
    }

    private static String field(Pattern field, String event) {
        var m = field.matcher(event);
        if (!m.find()) {
            throw new IllegalStateException(field + " not in " + event);
        }
        return m.group(1);
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
                .append("| login decision: the agent's gate answering sshd's helper (a new connection, 20 at once) | ")
                .append("p99 ≤ 50 ms | all rounds: ").append(decisions.summary()).append("; from the second round on: ")
                .append(warmDecisions.summary()).append(" |\n")
                .append("| sshd's helper run as sshd runs it (`gate`: a shell and curl, 20 at once; what sshd waits for, ")
                .append("with the machine's cost of starting processes) | — | ").append(helperRuns.summary())
                .append(" |\n")
                .append("| the same question asked of the portal directly (its share of the decision) | — | ")
                .append(portalDecisions.summary()).append(" |\n")
                .append("| a command, from the shell on the bastion to the portal taking it in as evidence (both times ")
                .append("measured where they happened: the shell's, the portal's `receivedAt`) | p99 ≤ 2 s | ")
                .append(evidence.summary()).append(" |\n")

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

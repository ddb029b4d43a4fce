package io.writ.web.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the running portal and the real Keycloak in one run and writes the figures to BENCHMARKS.md: the
 * Keycloak floor, grant latency, revocation lag, containment latency, lifecycle throughput with API latency under
 * load, ingestion against raw JDBC, review campaign generation, and audit verification. Started by scripts/benchmark.sh; sizes come from
 * environment variables (see there).
 */
public final class Benchmark {

    private final Endpoints api;
    private final Writs writs;
    private final List<String> report = new ArrayList<>();

    private final VolumeMeasures volumes;

    private Benchmark(Endpoints api, Path dataDir) {
        this.api = api;
        this.writs = new Writs(api);
        this.volumes = new VolumeMeasures(api, dataDir, this::line);
    }

    public static void main(String[] args) throws Exception {
        var bench = new Benchmark(new Endpoints(env("WRIT_PORTAL_URL", "http://localhost:8280"),
                env("WRIT_KEYCLOAK_URL", "http://localhost:8380")), Path.of(env("WRIT_DATA_DIR", "target/bench-data")));
        var started = Instant.now();
        var floor = bench.keycloakFloor(intEnv("BENCH_FLOOR_PAIRS", 200));
        if (measured("grants")) {
            bench.grantLatency(intEnv("BENCH_GRANTS", 50), floor);
        }
        if (measured("containments")) {
            bench.containmentLatency(intEnv("BENCH_CONTAINMENTS", 20));
        }
        if (measured("revocations")) {
            bench.revocationLag(intEnv("BENCH_REVOCATIONS", 1000), intEnv("BENCH_REVOCATION_MINUTES", 3),
                    intEnv("BENCH_THREADS", 8));
        }
        if (measured("throughput")) {
            bench.throughput(Duration.ofSeconds(intEnv("BENCH_THROUGHPUT_SECONDS", 300)), intEnv("BENCH_REQUESTERS", 8),
                    intEnv("BENCH_POLL_MILLIS", 100), Requesters.PEOPLE);
        }
        if (measured("pipelines")) {
            bench.throughput(Duration.ofSeconds(intEnv("BENCH_THROUGHPUT_SECONDS", 300)), intEnv("BENCH_REQUESTERS", 8),
                    intEnv("BENCH_POLL_MILLIS", 100), Requesters.PIPELINES);
        }
        if (measured("ingestion")) {
            bench.volumes.ingestion(intEnv("BENCH_EVENTS", 100_000), intEnv("BENCH_BATCH", 5000));
        }
        if (measured("campaign")) {
            bench.volumes.campaignGeneration(intEnv("BENCH_CAMPAIGN_ASSIGNMENTS", 100_000), intEnv("BENCH_CAMPAIGN_ROLES", 50),
                    intEnv("BENCH_THREADS", 8));
        }
        if (measured("audit")) {
            bench.volumes.auditVerification();
        }
        if (measured("nhis")) {
            new NhiScale(bench.api, bench::line).measure(intEnv("BENCH_NHIS", 50_000), intEnv("BENCH_THREADS", 8));
        }
        bench.write(Path.of(env("BENCH_REPORT", "BENCHMARKS.md")), started);
    }

    /** The floors a grant is held against: the admin API's add alone, and a grant verified by hand. */
    private record Floor(Timings add, Timings verified) {
    }

    /**
     * Raw admin-API add-role and remove-role, measured directly: the physical floor for everything else; and a grant
     * verified by hand, as Writ makes one: add, then read the user's role mappings back.
     */
    private Floor keycloakFloor(int pairs) {
        var user = writs.benchUser("bench-floor");
        var role = api.admin("GET", "/roles/billing-read", null).body();
        var add = new Timings();
        var remove = new Timings();
        var verified = new Timings();
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            api.admin("POST", "/users/" + user + "/role-mappings/realm", "[" + role + "]");
            long t1 = System.nanoTime();
            if (!api.admin("GET", "/users/" + user + "/role-mappings/realm", null).body().contains("billing-read")) {
                throw new IllegalStateException("the role added by hand was not read back");
            }
            long t2 = System.nanoTime();
            api.admin("DELETE", "/users/" + user + "/role-mappings/realm", "[" + role + "]");
            long t3 = System.nanoTime();
            add.addNanos(t1 - t0);
            verified.addNanos(t2 - t0);
            remove.addNanos(t3 - t2);
        }
        line("Keycloak floor, admin API add-role", add.summary());
        line("Keycloak floor, admin API remove-role", remove.summary());
        line("A grant verified by hand (admin API add, then read back)", verified.summary());
        return new Floor(add, verified);
    }

    /** Final approval answered → the role seen present in Keycloak (read directly, every 5 ms). */
    private void grantLatency(int grants, Floor floor) {
        var userId = writs.benchUser("bench-grant");
        var latency = new Timings();
        var receipted = new Timings();
        var handedOver = new Timings();
        for (int i = 0; i < grants; i++) {
            var writ = writs.request("bench-grant", "payments-operator", 30, null);
            writs.approve("bob", writ);
            long approved = System.nanoTime();
            long seen = Writs.until(() -> writs.holds(userId, "payments-operator"), Duration.ofSeconds(60),
                    "grant of " + writ);
            latency.addNanos(seen - approved);
            // The role shows in Keycloak a moment before the grant's transaction commits and the writ reads ACTIVE.
            Writs.until(() -> "ACTIVE".equals(writs.status(writ)), Duration.ofSeconds(60), "ACTIVE " + writ);
            receipted.addNanos(writs.receiptDelay(writ, "final-approval", "read-back-present").toNanos());
            handedOver.addNanos(writs.receiptDelay(writ, "final-approval", "role-added").toNanos());
            writs.end("bench-grant", writ);
            Writs.until(() -> !writs.holds(userId, "payments-operator"), Duration.ofSeconds(60), "revocation of " + writ);
        }
        line("Grant latency as the receipt measures it (final approval → read back present)", receipted.summary()
                + String.format("; p50 ratio to the add alone %.1f×, to a grant verified by hand %.1f×",
                receipted.percentile(50) / floor.add().percentile(50),
                receipted.percentile(50) / floor.verified().percentile(50)));
        line("Of which: final approval → role added (the approval's commit, the job's hand-off, Keycloak's add)",
                handedOver.summary());
        line("Grant latency (final approval answered → role seen in Keycloak)", latency.summary()
                + String.format("; p50 ratio to the add alone %.1f×, to a grant verified by hand %.1f×",
                latency.percentile(50) / floor.add().percentile(50),
                latency.percentile(50) / floor.verified().percentile(50)));
    }

    /** Out-of-scope command posted on an active HIGH writ → role absent in Keycloak (and sessions logged out). */
    private void containmentLatency(int containments) {
        var userId = writs.benchUser("bench-contain");
        var latency = new Timings();
        for (int i = 0; i < containments; i++) {
            var writ = writs.request("bench-contain", "prod-db-admin", 30, "{\"commands\":[\"psql*\"]}");
            writs.approve("bob", writ);
            writs.approve("carol", writ);
            Writs.until(() -> writs.holds(userId, "prod-db-admin"), Duration.ofSeconds(60), "grant of " + writ);
            // A session uses the role once the grant is recorded (a new token takes longer than that anyway).
            Writs.until(() -> "ACTIVE".equals(writs.status(writ)), Duration.ofSeconds(60), "ACTIVE " + writ);
            var event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"bench-" + UUID.randomUUID()
                    + "\",\"identity\":\"bench-contain\",\"type\":\"COMMAND\",\"at\":\"" + Instant.now()
                    + "\",\"target\":\"orders-db-1\",\"detail\":\"drop database orders\"}";
            long posted = System.nanoTime();
            var answer = api.post("/api/v1/sessions/events", api.client("session-ingest", "session-ingest-secret"),
                    event);
            if (answer.statusCode() != 202 || !answer.body().contains("\"accepted\":1")) {
                throw new IllegalStateException("the event was not accepted: " + answer.body());
            }
            long absent = Writs.until(() -> !writs.holds(userId, "prod-db-admin"), Duration.ofSeconds(60),
                    "containment of " + writ);
            latency.addNanos(absent - posted);
        }
        line("Containment latency (out-of-scope event posted → role absent)", latency.summary());
    }

    /**
     * Many writs granted as fast as the portal takes them, so their windows end within the span it took; the lag is
     * each writ's own evidence: window end → role read back absent (confirmedAbsentAt). The windows are long enough
     * (3 minutes) that the grants are done before the first ends: on two cores, one-minute windows began to end while
     * the portal was still granting the others, and the revocations measured the grants' load as well.
     */
    private void revocationLag(int count, int minutes, int threads) throws InterruptedException {
        var ids = new ArrayList<String>();
        var granted = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("bench-rev-%04d", i));
        }
        ids.forEach(writs::benchUser);
        // The requesters sign in first: their password sign-ins (about 170 ms of Keycloak's CPU each) would
        // otherwise run while the first windows end, and the revocations would wait behind them for Keycloak.
        var signingIn = System.nanoTime();
        eachAtOnce(ids, threads, api::signIn, "a requester of the revocation run could not sign in");
        var signInTook = Duration.ofNanos(System.nanoTime() - signingIn);
        var firstGrant = System.nanoTime();
        eachAtOnce(ids, threads, user -> {
            var writ = writs.request(user, "billing-read", minutes, null); // LOW, open ticket: approved at once
            synchronized (granted) {
                granted.add(writ);
            }
        }, "a writ of the revocation run failed");
        var grantingTook = Duration.ofNanos(System.nanoTime() - firstGrant);
        var lag = new Timings();
        var deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (var writ : granted) {
            String json;
            while ((json = writs.read(writ)).contains("\"confirmedAbsentAt\":null") || !json.contains("confirmedAbsentAt")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("writ " + writ + " not revoked: " + json);
                }
                Writs.sleep(200);
            }
            lag.add(ChronoUnit.MICROS.between(Writs.instant(json, "expiresAt"),
                    Writs.instant(json, "confirmedAbsentAt")) / 1000.0);
        }
        line("Revocation lag (window end → role read back absent)", lag.summary() + String.format(
                "; %d writs of %d minutes granted in %d s, so their windows ended within that span%s (their "
                        + "requesters signed in before, in %d s)", granted.size(), minutes, grantingTook.toSeconds(),
                grantingTook.toSeconds() < minutes * 60L ? ", after the last grant"
                        : ", the first while others were still being granted", signInTook.toSeconds()));
    }

    /**
     * Who asks for the writs of the throughput measure. Each revocation logs its identity out and refuses its older
     * tokens, so the next lifecycle begins with a new token: a person's by their password (Keycloak hashes it, about
     * 170 ms of a core with its default 210,000 PBKDF2 iterations), a pipeline's by its client credentials.
     */
    private enum Requesters {
        PEOPLE("people (a password sign-in each lifecycle)"),
        PIPELINES("pipelines (NHIs asking for themselves, client credentials)");

        final String label;

        Requesters(String label) {
            this.label = label;
        }
    }

    /**
     * Full lifecycles, each requester doing one after the other and asking the API every {@code pollMillis} whether
     * its writ is granted and then revoked, as a pipeline would: polling every few milliseconds, as the latency
     * measures do, would spend the portal's CPU on status reads rather than on lifecycles.
     */
    private void throughput(Duration duration, int threads, long pollMillis, Requesters kind)
            throws InterruptedException {
        var users = new ArrayList<String>();
        for (int i = 0; i < threads; i++) {
            var name = (kind == Requesters.PEOPLE ? "bench-life-" : "bench-pipeline-") + i;
            users.add(name);
            if (kind == Requesters.PEOPLE) {
                writs.benchUser(name);
            } else {
                writs.benchPipeline(name);
            }
        }
        var done = new AtomicInteger();
        var failed = new AtomicInteger();
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(threads + 1);
        var pages = new Timings();
        var start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            var user = users.get(i);
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        var writ = writs.request(user, "payments-operator", 30, null);
                        writs.approve("bob", writ);
                        Writs.until(() -> "ACTIVE".equals(writs.status(writ)), Duration.ofSeconds(60), "grant",
                                pollMillis);
                        writs.end(user, writ);
                        Writs.until(() -> writs.read(writ).contains("\"confirmedAbsentAt\":\""), Duration.ofSeconds(60),
                                "revoke", pollMillis);
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        System.err.println("lifecycle failed: " + e.getMessage());
                    }
                }
            });
        }
        pool.submit(() -> {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                api.get("/api/v1/requests?mine=true", api.user("alice"));
                pages.addNanos(System.nanoTime() - t0);
                Writs.sleep(100);
            }
        });
        Thread.sleep(duration.toMillis());
        stop.set(true);
        shutdown(pool, Duration.ofMinutes(2));
        var seconds = (System.nanoTime() - start) / 1e9;
        line("Throughput (full lifecycles, " + threads + " " + kind.label + " polling every " + pollMillis + " ms, "
                        + Math.round(seconds) + " s)",
                String.format("%.1f lifecycles/s (%d completed, %d failed)", done.get() / seconds, done.get(),
                        failed.get()));
        line("API latency under that load (GET /api/v1/requests?mine=true)", String.format("p95 %.1f ms (n=%d)",
                pages.percentile(95), pages.count()));
    }

    private void line(String what, String figure) {
        System.out.println(what + ": " + figure);
        report.add("| " + what + " | " + figure + " |");
    }

    private void write(Path file, Instant started) throws IOException {
        var text = new StringBuilder();
        text.append("# Benchmarks\n\n");
        text.append("Generated by `scripts/benchmark.sh` on ").append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(" (took ").append(Duration.between(started, Instant.now()).toMinutes()).append(" min). ")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB heap for the benchmark; ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; Java ").append(System.getProperty("java.version"))
                .append(". Portal: Payara Micro 6.2025.10, ")
                .append(env("WRIT_DB_URL", "").startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2")
                .append(", Camunda 7.24; Keycloak 26.4.7 (dev mode, dev-file ")
                .append("database). Sizes: ").append(System.getenv().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("BENCH_")).map(e -> e.getKey() + "=" + e.getValue())
                        .sorted().toList()).append(".\n\n");
        text.append("| measure | figure |\n|---|---|\n");
        report.forEach(row -> text.append(row).append('\n'));
        var notes = Path.of("BENCHMARKS-notes.md");
        if (Files.exists(notes)) {
            text.append('\n').append(Files.readString(notes));
        }
        Files.writeString(file, text);
        System.out.println("written to " + file.toAbsolutePath());
    }

    /** Runs the task for every item, {@code threads} at a time, and waits for all; the first failure is thrown. */
    private static void eachAtOnce(List<String> items, int threads, java.util.function.Consumer<String> task,
                                   String failure) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        var runs = items.stream().map(item -> pool.submit(() -> task.accept(item))).toList();
        shutdown(pool, Duration.ofMinutes(30));
        for (var run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(failure, e.getCause());
            }
        }
    }

    private static void shutdown(ExecutorService pool, Duration atMost) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the benchmark's workers did not finish within " + atMost);
        }
    }

    /** Whether BENCH_ONLY (comma-separated measures; empty = all) asks for this measure; the floor is always taken. */
    private static boolean measured(String measure) {
        var only = env("BENCH_ONLY", "");
        return only.isEmpty() || java.util.Arrays.asList(only.split(",")).contains(measure);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}

package io.writ.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The NHI inventory at a realm's real scale: that many service-account clients made in Keycloak (by partial import,
 * a thousand at a time, with their service accounts; some with a standing privileged role, owners among a few people,
 * one who does not exist), then the first reconciliation, pages and filters of {@code GET /api/v1/nhis}, the
 * compliance evidence for a month, secrets regenerated in Keycloak until Writ shows them, and a review campaign over
 * all of them. The clients are removed afterwards, and a last reconciliation forgets them.
 */
final class NhiScale {

    private static final Pattern TOTAL = Pattern.compile("\"items\"\\s*:\\s*(\\d+)");
    private static final String[] OWNERS = {"alice", "bob", "carol", "dave", "no-such-owner"};
    private static final int IMPORTED_AT_ONCE = 100;

    private final Endpoints api;
    private final BiConsumer<String, String> line;

    NhiScale(Endpoints api, BiConsumer<String, String> line) {
        this.api = api;
        this.line = line;
    }

    void measure(int count, int threads) throws Exception {
        var prefix = "bench-nhi-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "-";
        long m0 = System.nanoTime();
        make(prefix, count, Math.min(threads, 3));
        var making = Duration.ofNanos(System.nanoTime() - m0);
        try {
            step("NHI inventory: first reconciliation with " + count + " service-account clients made in Keycloak "
                    + "(partial import, " + making.toSeconds() + " s)", () -> reconcile("first reconciliation"));
            step("NHI inventory: a second reconciliation (nothing changed; each client's service account known)",
                    () -> reconcile("second reconciliation"));
            step("NHI inventory: GET /api/v1/nhis, pages and filters × 20 (goal p95 ≤ 500 ms for any)",
                    () -> pages(count));
            step("NHI inventory: the compliance evidence for a month, 10 times (goal ≤ 1 s)", this::evidence);
            step("NHI inventory: a secret regenerated in Keycloak until Writ shows it (polled every 100 ms; goal "
                    + "≤ 10 s)", () -> regenerated(prefix, count, 10));
            var campaign = new String[1];
            step("NHI inventory: a review campaign over the " + count + " NHIs (goal ≤ 2 minutes)",
                    () -> campaign(prefix, campaign));
            if (campaign[0] != null) {
                step("NHI inventory: decisions on the campaign's items, one after another (carol's, as the owner of a "
                        + "fifth; 200 KEEP, then 10 REVOKE: each removes the NHI's standing roles and replaces its "
                        + "secret in Keycloak)", () -> decisions("carol"));
                step("NHI inventory: the campaign's report, a page of 100 from the middle of it, × 20",
                        () -> report(campaign[0], count));
                step("NHI inventory: the compliance evidence for a month that holds the campaign, 10 times (goal "
                        + "≤ 1 s)", this::evidence);
            }
            step("NHI inventory: a second campaign over all of them with a 2-minute deadline, closed at it (NHI "
                    + "items fail open: every undecided one overdue and escalated), from the deadline until the report "
                    + "says CLOSED", () -> closedAtDeadline(prefix));
        } finally {
            long r0 = System.nanoTime();
            remove(prefix, threads);
            var removing = Duration.ofNanos(System.nanoTime() - r0).toSeconds();
            step("NHI inventory: the " + count + " clients removed from Keycloak (in " + removing
                    + " s), then reconciled", () -> reconcile("reconciliation after the removal"));
        }
    }

    /** One measure: its figure, or why it could not be taken (the others are taken all the same). */
    private void step(String what, Callable<String> measure) {
        String figure;
        try {
            figure = measure.call();
        } catch (Exception e) {
            figure = "not measured: " + e;
        }
        line.accept(what, figure);
    }

    /**
     * The clients and their service accounts, a hundred per partial import, a few imports at once: Keycloak flushes
     * its whole import at every user it adds, so one import of a thousand costs far more than ten of a hundred.
     */
    private void make(String prefix, int count, int threads) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        var imports = new java.util.ArrayList<Callable<Void>>();
        for (int first = 0; first < count; first += IMPORTED_AT_ONCE) {
            int from = first;
            imports.add(() -> {
                importClients(prefix, from, Math.min(count, from + IMPORTED_AT_ONCE));
                return null;
            });
        }
        try {
            for (var done : pool.invokeAll(imports)) {
                done.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("partial import failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void importClients(String prefix, int from, int to) {
        var clients = new StringBuilder();
        var users = new StringBuilder();
        for (int i = from; i < to; i++) {
            var clientId = prefix + i;
            if (clients.length() > 0) {
                clients.append(',');
                users.append(',');
            }
            clients.append("{\"clientId\":\"").append(clientId).append("\",\"enabled\":true,\"publicClient\":false,")
                    .append("\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,")
                    .append("\"attributes\":{\"writ.owner\":\"").append(OWNERS[i % OWNERS.length]).append("\"}}");
            users.append("{\"username\":\"service-account-").append(clientId).append("\",\"enabled\":true,")
                    .append("\"serviceAccountClientId\":\"").append(clientId).append("\"")
                    .append(i % 100 == 0 ? ",\"realmRoles\":[\"prod-db-admin\"]" : "").append('}');
        }
        var answer = api.admin("POST", "/partialImport", "{\"ifResourceExists\":\"FAIL\",\"clients\":[" + clients
                + "],\"users\":[" + users + "]}");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("partial import: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * A reconciliation asked for now: from the request until its run is done (the request is taken at once, 202; the
     * run is asked how it stands every second).
     */
    private String reconcile(String what) throws Exception {
        long t0 = System.nanoTime();
        var asked = api.postAsync("/api/v1/nhis/reconciliations", api.user("admin"), "").get();
        if (asked.statusCode() != 202) {
            throw new IllegalStateException(what + ": " + asked.statusCode() + " " + asked.body());
        }
        var taken = (System.nanoTime() - t0) / 1e6;
        var run = "/api/v1/nhis/reconciliations/" + Endpoints.field(asked.body(), "id");
        String state;
        String body;
        do {
            TimeUnit.SECONDS.sleep(1); // a run of minutes, asked how it stands as a client would
            body = api.get(run, api.user("admin")).body();
            state = Endpoints.field(body, "state");
        } while ("RUNNING".equals(state));
        var seconds = (System.nanoTime() - t0) / 1e9;
        if (!"DONE".equals(state)) {
            throw new IllegalStateException(what + ": " + body);
        }
        return String.format("%.1f s (request taken in %.0f ms): %s", seconds, taken, Endpoints.field(body, "summary"));
    }

    /** Pages and filters of the inventory, each asked 20 times. */
    private String pages(int count) {
        var lastPage = Math.max(0, (count + 99) / 100 - 1);
        var queries = List.of("", "?page=" + lastPage, "?sort=-secretAge", "?sort=lastUsed&page=" + lastPage / 2,
                "?owner=carol", "?finding=OWNER_DISABLED", "?finding=STANDING_PRIVILEGED_ROLE",
                "?standingRole=prod-db-admin&sort=owner", "?secretOlderThanDays=30", "?unusedForDays=90&size=500",
                "?finding=NO_OWNER&owner=alice");
        var all = new Timings();
        var worst = "";
        double worstP95 = 0;
        for (var query : queries) {
            var timings = new Timings();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                var answer = api.get("/api/v1/nhis" + query, api.user("dave"));
                timings.addNanos(System.nanoTime() - t0);
                all.addNanos(System.nanoTime() - t0);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/v1/nhis" + query + ": " + answer.statusCode());
                }
            }
            if (timings.percentile(95) > worstP95) {
                worstP95 = timings.percentile(95);
                worst = query.isEmpty() ? "the first page" : query;
            }
        }
        return String.format("%d queries; all: p95 %.1f ms, %s; the slowest query's p95 %.1f ms (%s)",
                queries.size(), all.percentile(95), all.summary(), worstP95, worst);
    }

    private String evidence() {
        var timings = new Timings();
        var to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var from = to.minus(Duration.ofDays(30));
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            var answer = api.get("/api/v1/compliance/evidence?from=" + from + "&to=" + to, api.user("erin"));
            timings.addNanos(System.nanoTime() - t0);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("evidence: " + answer.statusCode() + " " + answer.body());
            }
        }
        return String.format("p95 %.1f ms; %s", timings.percentile(95), timings.summary());
    }

    /** Secrets regenerated in Keycloak, one after another: from Keycloak's answer until Writ's inventory shows it. */
    private String regenerated(String prefix, int count, int times) {
        var timings = new Timings();
        for (int i = 0; i < times; i++) {
            var clientId = prefix + (i * 997 % count);
            var before = Endpoints.field(api.get("/api/v1/nhis/" + clientId, api.user("dave")).body(), "secretMadeAt");
            var found = api.admin("GET", "/clients?clientId=" + clientId + "&search=false&first=0&max=1", null);
            var id = Endpoints.field(found.body(), "id");
            if (found.statusCode() != 200 || id == null) {
                throw new IllegalStateException("client " + clientId + " in Keycloak: " + found.statusCode() + " "
                        + found.body());
            }
            Writs.sleep(1100); // Keycloak keeps the secret's time in whole seconds: a new one must differ
            var answer = api.admin("POST", "/clients/" + id + "/client-secret", null);
            long t0 = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("regenerate: " + answer.statusCode() + " " + answer.body());
            }
            var deadline = Instant.now().plusSeconds(120);
            while (java.util.Objects.equals(before, Endpoints.field(api.get("/api/v1/nhis/" + clientId,
                    api.user("dave")).body(), "secretMadeAt"))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the regenerated secret of " + clientId + " not shown in 120 s");
                }
                Writs.sleep(100);
            }
            timings.addNanos(System.nanoTime() - t0);
        }
        return timings.summary();
    }

    /** A review campaign over every bench NHI: from the start request until it answers with its items. */
    private String campaign(String prefix, String[] started) {
        long t0 = System.nanoTime();
        var answer = api.post("/api/v1/reviews/campaigns", api.user("admin"),
                "{\"scope\":[\"" + prefix + "*\"],\"deadline\":\"P14D\"}");
        var seconds = (System.nanoTime() - t0) / 1e9;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("campaign: " + answer.statusCode() + " " + answer.body());
        }
        started[0] = Endpoints.field(answer.body(), "id");
        var items = TOTAL.matcher(answer.body());
        return String.format("generated in %.1f s (%s items)", seconds, items.find() ? items.group(1) : "?");
    }

    /** A campaign left to its deadline: from the deadline until its report says it closed. */
    private String closedAtDeadline(String prefix) {
        var answer = api.post("/api/v1/reviews/campaigns", api.user("admin"),
                "{\"scope\":[\"" + prefix + "*\"],\"deadline\":\"PT2M\"}");
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("campaign: " + answer.statusCode() + " " + answer.body());
        }
        // a page past its items: the answer's fields are the campaign's alone (each item has a state of its own)
        var report = "/api/v1/reviews/campaigns/" + Endpoints.field(answer.body(), "id") + "?page=1000000&size=1";
        var deadline = Instant.parse(Endpoints.field(api.get(report, api.user("admin")).body(), "deadline"));
        var giveUp = deadline.plus(Duration.ofMinutes(15));
        String body;
        do {
            Writs.sleep(1000); // a close that takes seconds or minutes, asked how it stands as a client would
            body = api.get(report, api.user("admin")).body();
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("not closed 15 minutes after its deadline: " + body);
            }
        } while (!"CLOSED".equals(Endpoints.field(body, "state")));
        var closedAt = Instant.parse(Endpoints.field(body, "closedAt"));
        return String.format("its report said CLOSED %.1f s after the deadline (asked every second; its closedAt, "
                        + "taken as the closing began, %.1f s after it), %s items",
                Duration.between(deadline, Instant.now()).toMillis() / 1000.0,
                Duration.between(deadline, closedAt).toMillis() / 1000.0,
                Pattern.compile("\"itemCount\"\\s*:\\s*(\\d+)").matcher(body).results().map(m -> m.group(1))
                        .findFirst().orElse("?"));
    }

    /** The reviewer's first owed items decided one after another through the API: KEEP, then REVOKE. */
    private String decisions(String reviewer) {
        var owed = api.get("/api/v1/reviews/items?size=210", api.user(reviewer));
        if (owed.statusCode() != 200) {
            throw new IllegalStateException("owed items: " + owed.statusCode() + " " + owed.body());
        }
        // each item's own id (its evidence has none; its campaign is "campaign")
        var ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(owed.body()).results().map(m -> m.group(1))
                .toList();
        if (ids.size() < 210) {
            throw new IllegalStateException(reviewer + " owes " + ids.size() + " items, fewer than 210");
        }
        var keep = new Timings();
        var revoke = new Timings();
        for (int i = 0; i < ids.size(); i++) {
            var body = i < 200 ? "{\"decision\":\"KEEP\",\"reason\":\"the benchmark's\"}" : "{\"decision\":\"REVOKE\"}";
            long t0 = System.nanoTime();
            var answer = api.post("/api/v1/reviews/items/" + ids.get(i) + "/decision", api.user(reviewer), body);
            (i < 200 ? keep : revoke).addNanos(System.nanoTime() - t0);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("decision: " + answer.statusCode() + " " + answer.body());
            }
        }
        return String.format("KEEP: p95 %.1f ms, %s; REVOKE: p95 %.1f ms, %s", keep.percentile(95), keep.summary(),
                revoke.percentile(95), revoke.summary());
    }

    private String report(String campaign, int count) {
        var timings = new Timings();
        var middle = Math.max(0, count / 200);
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            var answer = api.get("/api/v1/reviews/campaigns/" + campaign + "?page=" + middle + "&size=100",
                    api.user("erin"));
            timings.addNanos(System.nanoTime() - t0);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("report: " + answer.statusCode() + " " + answer.body());
            }
        }
        return String.format("p95 %.1f ms; %s", timings.percentile(95), timings.summary());
    }

    private void remove(String prefix, int threads) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        // Found by search, a page at a time, and removed one by one (Keycloak has no bulk removal).
        while (true) {
            var page = api.admin("GET", "/clients?search=true&clientId=" + prefix + "&first=0&max=500", null).body();
            var ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"clientId\"\\s*:\\s*\"" + Pattern.quote(prefix))
                    .matcher(page).results().map(m -> m.group(1)).toList();
            if (ids.isEmpty()) {
                break;
            }
            var removals = ids.stream().map(id -> (Callable<Integer>) () ->
                    api.admin("DELETE", "/clients/" + id, null).statusCode()).toList();
            pool.invokeAll(removals);
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}

package io.writ.web.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The benchmark's measures of volume: session events ingested against a raw JDBC insert, an access review campaign
 * over many standing assignments, and the whole audit chain verified. Each figure goes to the report as a line.
 */
final class VolumeMeasures {

    private final Endpoints api;
    private final Path dataDir;
    private final BiConsumer<String, String> line;

    VolumeMeasures(Endpoints api, Path dataDir, BiConsumer<String, String> line) {
        this.api = api;
        this.dataDir = dataDir;
        this.line = line;
    }

    /**
     * Session events per second with linking and scope checks (NDJSON batches), against a raw JDBC insert of the
     * same rows into a scratch table of the same database.
     */
    void ingestion(int events, int batch) throws SQLException {
        var token = api.client("session-ingest", "session-ingest-secret");
        var session = "bench-ingest-" + UUID.randomUUID();
        var lines = new ArrayList<String>();
        var now = Instant.now();
        for (int i = 0; i < events; i++) {
            lines.add("{\"eventId\":\"" + session + "-" + i + "\",\"sessionId\":\"" + session
                    + "\",\"identity\":\"bench-ingest\",\"type\":\"COMMAND\",\"at\":\"" + now.plusMillis(i)
                    + "\",\"target\":\"orders-db-1\",\"detail\":\"select " + i + "\"}");
        }
        long t0 = System.nanoTime();
        for (int from = 0; from < events; from += batch) {
            var body = String.join("\n", lines.subList(from, Math.min(events, from + batch)));
            var answer = api.post("/api/v1/sessions/events", token, "application/x-ndjson", body);
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("ingestion: " + answer.statusCode() + " " + answer.body());
            }
        }
        var ingestSeconds = (System.nanoTime() - t0) / 1e9;
        double rawSeconds;
        try (var db = database()) {
            db.createStatement().execute("create table if not exists bench_raw_event (event_id varchar(200) primary key,"
                    + " session_id varchar(200), type varchar(20), at timestamp with time zone, target varchar(1000),"
                    + " detail varchar(4000))");
            db.setAutoCommit(false);
            long r0 = System.nanoTime();
            try (var insert = db.prepareStatement("insert into bench_raw_event values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events; i++) {
                    insert.setString(1, session + "-raw-" + i);
                    insert.setString(2, session);
                    insert.setString(3, "COMMAND");
                    insert.setObject(4, java.time.OffsetDateTime.ofInstant(now.plusMillis(i), java.time.ZoneOffset.UTC));
                    insert.setString(5, "orders-db-1");
                    insert.setString(6, "select " + i);
                    insert.addBatch();
                    if (i % batch == batch - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            rawSeconds = (System.nanoTime() - r0) / 1e9;
            db.createStatement().execute("drop table bench_raw_event");
            db.commit();
        }
        line.accept("Ingestion (linking, scope checks, detection; NDJSON batches of " + batch + ")",
                String.format("%.0f events/s (%d events in %.1f s); raw JDBC insert of the same rows %.0f rows/s; "
                        + "ratio %.2f", events / ingestSeconds, events, ingestSeconds, events / rawSeconds,
                        (events / ingestSeconds) / (events / rawSeconds)));
    }

    /**
     * An access review campaign over that many standing assignments (users × catalogue roles made straight in
     * Keycloak): from the start request until its items are stored (read from the database, since the start request
     * answers only when the whole campaign is collected, and a client may lose that answer on a long campaign while
     * the portal goes on).
     */
    void campaignGeneration(int assignments, int roles, int threads)
            throws InterruptedException, SQLException {
        int users = Math.max(1, assignments / roles);
        long m0 = System.nanoTime();
        int made = new StandingAssignments(api).make(users, roles, threads);
        var making = Duration.ofNanos(System.nanoTime() - m0);
        var scope = StandingAssignments.scope().get(0);
        long t0 = System.nanoTime();
        var answer = api.postAsync("/api/v1/reviews/campaigns", api.user("admin"),
                "{\"scope\":[\"" + scope + "\"],\"deadline\":\"P14D\"}");
        int items = 0;
        try (var db = database(); var count = db.prepareStatement("select count(*) from review_item i join "
                + "review_campaign c on c.id = i.campaign_id where c.scope = ?")) {
            count.setString(1, scope);
            var deadline = Instant.now().plus(Duration.ofMinutes(60));
            while (items == 0 && Instant.now().isBefore(deadline)) {
                if (answer.isDone() && answer.getNow(null) != null && answer.getNow(null).statusCode() != 201) {
                    throw new IllegalStateException("campaign: " + answer.getNow(null).statusCode() + " "
                            + answer.getNow(null).body());
                }
                Writs.sleep(250);
                try (var rows = count.executeQuery()) {
                    rows.next();
                    items = rows.getInt(1);
                }
            }
        }
        var seconds = (System.nanoTime() - t0) / 1e9;
        if (items != made) {
            throw new IllegalStateException("the campaign stored " + items + " items of " + made + " assignments");
        }
        String answered;
        try {
            var response = answer.get(5, TimeUnit.MINUTES);
            answered = "answered " + response.statusCode() + " after " + Math.round((System.nanoTime() - t0) / 1e9)
                    + " s";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            answered = "the start request's answer was lost (" + e.getMessage() + "); the campaign was stored anyway";
        }
        line.accept("Review campaign generation (" + users + " users × " + roles
                + " catalogue roles, made in Keycloak in " + making.toSeconds() + " s)",
                String.format("%d items stored in %.1f s: %.0f items/s; %s", items, seconds, items / seconds, answered));
    }

    /** The whole audit chain verified through the API: records per second. */
    void auditVerification() {
        long t0 = System.nanoTime();
        var answer = api.get("/api/v1/audit/verify", api.user("dave")).body();
        var seconds = (System.nanoTime() - t0) / 1e9;
        var records = answer.replaceAll("(?s).*\"records\"\\s*:\\s*(\\d+).*", "$1");
        line.accept("Audit chain verification", String.format("%s records in %.2f s: %.0f records/s; valid: %s",
                records, seconds, Long.parseLong(records) / seconds, answer.contains("\"valid\":true")));
    }

    /** The portal's own database, shared through H2's automatic server mode. */
    private java.sql.Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/writ;AUTO_SERVER=TRUE",
                "writ", "writ");
    }

}

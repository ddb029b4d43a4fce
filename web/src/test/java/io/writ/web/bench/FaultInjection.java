package io.writ.web.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Fault injection: during a run of many one-minute writs, Keycloak is stopped and started again, and the portal is
 * killed with SIGKILL and started again. At the end every writ must be in a final state, Keycloak's role mappings
 * must equal the starting baseline (no leaked privilege), every granted writ's grant and revocation must be in the
 * audit trail, and the chain must verify. Exits 0 when all hold, 1 otherwise. Started by
 * scripts/fault-injection.sh, which starts Keycloak; this program starts (and kills) the portal itself.
 */
public final class FaultInjection {

    private static final List<String> ROLES = List.of("billing-read", "payments-operator", "prod-db-admin",
            "k8s-cluster-admin");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Alone, the portal is ready in about a minute. In the suite it starts beside the shared test portal and the
     * cluster test's two nodes, at a lower priority, on two cores: seen to take four minutes there.
     */
    private static final Duration READY_WITHIN = Duration.ofMinutes(8);

    private final Endpoints api;
    private final Writs writs;
    private final Path dataDir;
    private final List<String> portalCommand;
    private Process portal;

    private FaultInjection(Endpoints api, Path dataDir, List<String> portalCommand) {
        this.api = api;
        this.writs = new Writs(api);
        this.dataDir = dataDir;
        this.portalCommand = portalCommand;
    }

    public static void main(String[] args) throws Exception {
        var port = env("WRIT_PORT", "8680");
        var dataDir = Path.of(env("WRIT_DATA_DIR", "target/fault-data")).toAbsolutePath();
        var command = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                env("WRIT_PAYARA_JAR", "target/payara-micro.jar"), "--deploy",
                env("WRIT_WAR", "web/target/writ.war"), "--contextroot", "/", "--port", port, "--nocluster",
                "--rootDir", dataDir.resolve("payara").toString());
        var run = new FaultInjection(new Endpoints("http://localhost:" + port,
                env("WRIT_KEYCLOAK_URL", "http://localhost:8580")), dataDir, command);
        var writsPerWave = Integer.parseInt(env("FAULT_WRITS_PER_WAVE", "20"));
        var ok = false;
        try {
            ok = run.inject(writsPerWave, env("FAULT_KEYCLOAK_SCRIPT", "scripts/keycloak.sh"));
        } finally {
            run.stopPortal();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean inject(int perWave, String keycloakScript) throws Exception {
        startPortal();
        var baseline = roleHolders();
        var users = new ArrayList<String>();
        for (int i = 0; i < perWave; i++) {
            users.add(String.format("fault-%03d", i));
        }
        users.forEach(writs::benchUser);
        var all = new ArrayList<String>();

        say("wave 1: " + perWave + " writs, then Keycloak is stopped for 15 s and started again");
        all.addAll(wave(users));
        keycloak(keycloakScript, "stop");
        Writs.sleep(15_000);
        keycloak(keycloakScript, "start");

        say("wave 2: " + perWave + " writs, then the portal is killed with SIGKILL and started again");
        all.addAll(wave(users));
        portal.destroyForcibly().waitFor();
        startPortal();

        say("wave 3: " + perWave + " writs");
        all.addAll(wave(users));

        say("waiting until every writ is final and every grant revoked");
        var deadline = Instant.now().plus(Duration.ofMinutes(10));
        var unfinished = new ArrayList<>(all);
        while (!unfinished.isEmpty() && Instant.now().isBefore(deadline)) {
            unfinished.removeIf(this::finished);
            if (!unfinished.isEmpty()) {
                Writs.sleep(2000);
            }
        }
        var failures = new ArrayList<String>();
        unfinished.forEach(w -> failures.add("writ " + w + " not finished: " + writs.read(w)));
        var after = roleHolders();
        if (!after.equals(baseline)) {
            failures.add("Keycloak's role mappings differ from the baseline: before " + baseline + ", after " + after);
        }
        failures.addAll(missingAuditRecords(all));
        var verify = api.get("/api/v1/audit/verify", api.user("dave")).body();
        if (!verify.contains("\"valid\":true")) {
            failures.add("the audit chain does not verify: " + verify);
        }
        if (failures.isEmpty()) {
            say("PASS: " + all.size() + " writs final, role mappings equal the baseline, audit complete and intact");
            return true;
        }
        failures.forEach(f -> System.err.println("FAIL: " + f));
        return false;
    }

    /** One LOW writ per user on an open ticket (approved at once by policy) with a one-minute window. */
    private List<String> wave(List<String> users) {
        var ids = new ArrayList<String>();
        for (var user : users) {
            ids.add(writs.request(user, "billing-read", 1, null));
        }
        return ids;
    }

    private boolean finished(String writ) {
        var json = writs.read(writ);
        var status = Endpoints.field(json, "status");
        // A writ that ended while a later writ of the same user still covered the role records which writ kept it;
        // the last to end removes the role, which the comparison with the baseline checks.
        boolean grantedAndNotRevoked = json.contains("\"grantedAt\":\"") && !json.contains("\"confirmedAbsentAt\":\"")
                && !json.contains("\"keptByWrit\":\"");
        return status != null && List.of("ENDED", "REJECTED", "EXPIRED_UNAPPROVED", "CANCELLED", "CONTAINED")
                .contains(status) && !grantedAndNotRevoked;
    }

    /** Which users hold each privileged realm role in Keycloak now. */
    private Map<String, List<String>> roleHolders() {
        var holders = new TreeMap<String, List<String>>();
        for (var role : ROLES) {
            var users = new ArrayList<String>();
            var matcher = ID.matcher(api.admin("GET", "/roles/" + role + "/users?max=10000", null).body());
            while (matcher.find()) {
                users.add(matcher.group(1));
            }
            users.sort(null);
            holders.put(role, users);
        }
        return holders;
    }

    /** Each granted writ's grant and revocation must be in the audit trail (read straight from the database). */
    private List<String> missingAuditRecords(List<String> all) throws SQLException {
        var missing = new ArrayList<String>();
        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/writ;AUTO_SERVER=TRUE", "writ", "writ");
             var query = db.prepareStatement("select count(*) from audit_record where subject = ? and action = ?")) {
            for (var writ : all) {
                var json = writs.read(writ);
                if (!json.contains("\"grantedAt\":\"")) {
                    continue;
                }
                var ended = json.contains("\"keptByWrit\":\"") ? "writ.access-kept" : "writ.revoked";
                for (var action : List.of("writ.submitted", "writ.granted", ended)) {
                    query.setString(1, "writ:" + writ);
                    query.setString(2, action);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) != 1) {
                            missing.add("writ " + writ + " has " + rows.getLong(1) + " '" + action + "' records");
                        }
                    }
                }
            }
        }
        return missing;
    }

    private void startPortal() throws IOException {
        // As run.sh does: Payara's root directory from before a kill -9 would have the application deployed twice.
        deleteTree(dataDir.resolve("payara"));
        portal = new ProcessBuilder(portalCommand).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("portal.log").toFile())).start();
        // Ready means the portal's own checks answer UP (Payara's health endpoint says UP before the application is
        // deployed) and its API answers a signed-in call (not Payara's 503 while the application still loads).
        Writs.until(() -> {
            try {
                var health = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.portal
                        + "/health/ready")).GET().build());
                return health.statusCode() == 200 && health.body().contains("process-engine")
                        && api.get("/api/v1/entitlements", api.user("admin")).statusCode() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        }, READY_WITHIN, "the portal to get ready");
        say("portal ready (pid " + portal.pid() + ")");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    private void stopPortal() {
        if (portal != null && portal.isAlive()) {
            portal.destroy();
        }
    }

    private static void keycloak(String script, String command) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", script, command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keycloak.sh " + command + " failed");
        }
    }

    private static void say(String what) {
        System.out.println(Instant.now() + " " + what);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

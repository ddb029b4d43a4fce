package io.writ.web.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Two portal nodes on one PostgreSQL database (scripts/postgres.sh), the test Keycloak and the real ticket system
 * (Request Tracker, scripts/ticket-system.sh): started once for the classes that use them (ClusterIT,
 * TicketSystemIT; one after the other, as they hold {@link #LOCK}), stopped when every test has run. They run beside
 * the classes that share the test portal, at a lower priority.
 */
final class ClusterNodes implements BeforeAllCallback {

    /** The classes that use the nodes take turns: one stops the ticket system, one kills a node. */
    static final String LOCK = "cluster-nodes";

    static String database;
    static PortalNode a;
    static PortalNode b;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (ClusterNodes.class) {
            if (a != null) {
                return;
            }
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(ClusterNodes.class, (ExtensionContext.Store.CloseableResource) ClusterNodes::stop);
            start();
        }
    }

    private static void start() throws Exception {
        var tickets = RequestTracker.start();
        postgres("start");
        database = postgres("fresh", "writ_cluster");
        var dir = Path.of(TestEnvironment.property("writ.cluster.dir"));
        deleteRecursively(dir);
        var environment = new HashMap<String, String>();
        for (var setting : tickets) {
            var pair = setting.split("=", 2);
            environment.put(pair[0], pair[1]);
        }
        environment.putAll(java.util.Map.of(
                "WRIT_DB_URL", database,
                "WRIT_DB_DRIVER", "org.postgresql.Driver",
                "WRIT_KEYCLOAK_URL", TestEnvironment.KEYCLOAK_URL,
                // every node signs checkpoints with the same key, or they would not verify on the other
                "WRIT_AUDIT_KEY_FILE", dir.resolve("audit-checkpoint-key.pem").toString(),
                "WRIT_AUDIT_CHECKPOINT_RECORDS", "5",
                // a dead node's locked jobs go to another node after 10 s instead of a minute
                "WRIT_JOBS_LOCK_MILLIS", "10000",
                "WRIT_KEYCLOAK_RETRY_CYCLE", "R5/PT3S",
                "WRIT_INCIDENTS_RECHECK_SECONDS", "3",
                "WRIT_REVIEWS_CADENCE_CHECK_MINUTES", "600",
                // nothing here is about NHIs: their inventory follows Keycloak once a minute, not every 2 s
                "WRIT_NHI_FOLLOW_SECONDS", "60"));
        // RT pushes each status change (its scrip); the poll that follows a system that does not push is slower, so
        // a closure seen within seconds was pushed. The ticket system must be RT's, not the node's: these are slow.
        environment.put("WRIT_TICKETS_POLL_SECONDS", "20");
        environment.put("WRIT_TICKETS_TIMEOUT_SECONDS", "3");
        // started together on an empty database: the engine's schema is built by one node while the other waits
        a = PortalNode.start("a", port("writ.it.cluster.port.a"), dir.resolve("node-a"), environment, true);
        b = PortalNode.start("b", port("writ.it.cluster.port.b"), dir.resolve("node-b"), environment, true);
        // Started at a lower priority while the shared portal's tests (and the bastion's) keep both cores busy: seen
        // taking more than five minutes to be ready.
        a.awaitReady(Duration.ofMinutes(10));
        b.awaitReady(Duration.ofMinutes(10));
        KeycloakAdmin.allowPortalRedirectsTo(a.url);
        KeycloakAdmin.allowPortalRedirectsTo(b.url);
    }

    private static void stop() throws InterruptedException {
        for (var node : new PortalNode[]{a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** Runs scripts/postgres.sh; returns the JDBC URL it prints. */
    private static String postgres(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of("bash", TestEnvironment.property("writ.postgres.script")));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/postgres.sh " + String.join(" ", arguments) + ": " + output);
        }
        return output.lines().reduce((first, last) -> last).orElse("");
    }

    private static int port(String property) {
        return Integer.parseInt(TestEnvironment.property(property));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One portal node of a cluster: Payara Micro started as ./run.sh starts it (the same WAR, PostgreSQL's driver given
 * with --addLibs), on its own port and directory, on a database and Keycloak shared with the other nodes. It can be
 * killed with SIGKILL, as a machine dies.
 */
final class PortalNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final String url;
    private final Path dir;
    private final Process process;

    private PortalNode(String name, int port, Path dir, Process process) {
        this.name = name;
        this.url = "http://localhost:" + port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts the node; {@link #awaitReady()} waits until it serves. */
    static PortalNode start(String name, int port, Path dir, Map<String, String> environment) throws IOException {
        return start(name, port, dir, environment, false);
    }

    /**
     * Starts the node; {@link #awaitReady()} waits until it serves. A node {@code beside} the tests that share the test
     * portal runs at a lower priority: on two cores it takes what they leave, and they are the ones that take long.
     */
    static PortalNode start(String name, int port, Path dir, Map<String, String> environment, boolean beside)
            throws IOException {
        Files.createDirectories(dir);
        var command = new ArrayList<String>();
        if (beside) {
            command.addAll(java.util.List.of("nice", "-n", "10"));
        }
        // The quick compiler only, as for the other test portals (arquillian.xml): a test node lives minutes. The
        // serial collector: several JVMs share two cores, and each would start a parallel collector's threads.
        command.addAll(java.util.List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                TestEnvironment.property("writ.payara.jar"),
                "--deploy", TestEnvironment.property("writ.war"), "--contextroot", "/", "--port", String.valueOf(port),
                "--nocluster", "--addLibs", TestEnvironment.property("writ.postgresql.jar"),
                "--rootDir", dir.resolve("payara").toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("portal.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("WRIT_PORTAL_URL", "http://localhost:" + port);
        builder.environment().put("WRIT_DATA_DIR", dir.toString());
        return new PortalNode(name, port, dir, builder.start());
    }

    /** Ready: the portal's own checks answer UP (Payara's say UP before deploying) and the sign-in page answers. */
    PortalNode awaitReady() {
        return awaitReady(Duration.ofMinutes(5));
    }

    /** The same, for a node that may take longer (one started at a lower priority beside busy tests). */
    PortalNode awaitReady(Duration atMost) {
        await("node " + name + " ready").atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited; see " + dir.resolve("portal.log"));
            }
            var health = get("/health/ready", null);
            return health != null && health.statusCode() == 200 && health.body().contains("process-engine")
                    && get("/callback", null) != null && get("/callback", null).statusCode() / 100 == 3;
        });
        return this;
    }

    HttpResponse<String> get(String path, String bearerToken) {
        var request = HttpRequest.newBuilder(URI.create(url + path)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String bearerToken, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** SIGKILL: no shutdown hook, no transaction finished, jobs left locked. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The answer, or null while the node does not listen yet. */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.writ.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real ticket system of the tests: Request Tracker 5, run by scripts/ticket-system.sh (installed from Debian's
 * packages when missing; ./test.sh starts it in the background while the build runs). The tests open, close and
 * read tickets with the script, as a person would.
 */
final class RequestTracker {

    static final String URL = "http://127.0.0.1:8480";
    static final String WEBHOOK_SECRET = "writ-tickets-webhook-secret";

    private RequestTracker() {
    }

    /** Starts it (or finds it running; a start under way is waited for) and returns the portal's settings. */
    static List<String> start() {
        return script("start").lines().filter(l -> l.startsWith("WRIT_TICKETS_")).toList();
    }

    static void stop() {
        script("stop");
    }

    /** Opens a ticket owned and requested by {@code owner}; returns its reference (CHG-n or INC-n). */
    static String open(String kind, String owner, String title, String... window) {
        var arguments = new ArrayList<>(List.of("open", "--kind", kind, "--owner", owner, "--title", title));
        if (window.length == 2) {
            arguments.addAll(List.of("--starts", window[0], "--due", window[1]));
        }
        return script(arguments.toArray(String[]::new)).lines().reduce((first, last) -> last).orElseThrow();
    }

    static String openChange(String owner) {
        return open("change", owner, "test change of " + owner);
    }

    static void close(String ref) {
        script("close", ref);
    }

    /**
     * Moves the ticket to another queue through RT's REST API, as RT's root (no status change: RT's scrip does not
     * push it, so only Writ's poll can notice that the ticket is no longer the change it was).
     */
    static void moveToQueue(String ref, String queue) {
        var id = ref.substring(ref.indexOf('-') + 1);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(URL + "/REST/2.0/ticket/" + id))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "root:writ-rt-root-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"Queue\":\"" + queue + "\"}")).build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("Queue")) {
                throw new IllegalStateException("RT did not move " + ref + ": " + answer.statusCode() + " "
                        + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of the ticket's comments, oldest first. */
    static String comments(String ref) {
        return script("comments", ref);
    }

    private static String script(String... arguments) {
        var command = new ArrayList<>(List.of("bash", TestEnvironment.property("writ.tickets.script")));
        command.addAll(List.of(arguments));
        try {
            var builder = new ProcessBuilder(command);
            // RT signs its pushes with the demo secret (not the test portal's, which this JVM's environment holds).
            builder.environment().put("WRIT_TICKETS_WEBHOOK_SECRET", WEBHOOK_SECRET);
            builder.environment().put("WRIT_TICKETS_WEBHOOK_URL", "http://127.0.0.1:"
                    + TestEnvironment.property("writ.it.cluster.port.a") + "/api/v1/tickets/events");
            var process = builder.redirectErrorStream(false).start();
            var errors = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the script ended
                }
            });
            reader.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(16, TimeUnit.MINUTES) || process.exitValue() != 0) {
                reader.join();
                throw new IllegalStateException("scripts/ticket-system.sh " + String.join(" ", arguments) + ": "
                        + output + errors);
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

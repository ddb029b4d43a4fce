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

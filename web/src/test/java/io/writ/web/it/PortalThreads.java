package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the shared test portal's threads are doing, for a test that waited in vain for its answer: the portal is a
 * process of this JVM's, and the JDK's {@code jcmd} prints its threads. Written under {@code target/thread-dumps}.
 */
final class PortalThreads {

    private PortalThreads() {
    }

    /** Dumps the threads of the portal on the test port; returns where, or why it could not. */
    static String dump(String why) {
        var port = String.valueOf(URI.create(TestEnvironment.portalUrl()).getPort());
        var portal = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().filter(c -> c.contains("payara") && c.contains(port)).isPresent())
                .findFirst();
        if (portal.isEmpty()) {
            return "no portal process on port " + port + " among this JVM's children";
        }
        try {
            var file = Path.of("target", "thread-dumps", why.replaceAll("\\W+", "-") + "-"
                    + System.currentTimeMillis() + ".txt").toAbsolutePath();
            Files.createDirectories(file.getParent());
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var process = new ProcessBuilder(jcmd, String.valueOf(portal.get().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? "the portal's threads are in " + file
                    : "jcmd did not answer within 60 s";
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }
}

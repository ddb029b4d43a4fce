package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the shared test portal's threads are doing, and its connections, for a test that waited in vain for its
 * answer: the portal is a process of this JVM's, the JDK's {@code jcmd} prints its threads and {@code ss} its TCP
 * connections. Written under {@code target/thread-dumps}.
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
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                return "jcmd did not answer within 60 s";
            }
            // and the portal's connections: bytes waiting on the portal's side (Recv-Q) are a request it never read
            var sockets = new ProcessBuilder("ss", "-tnio", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
            sockets.waitFor(10, TimeUnit.SECONDS);
            return "the portal's threads and connections are in " + file;
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }
}

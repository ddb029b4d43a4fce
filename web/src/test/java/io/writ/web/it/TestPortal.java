package io.writ.web.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The portal under test, for the tests that use it from outside (API calls, browsers, scripts): one Payara Micro with
 * the WAR as the build packaged it, started as ./run.sh starts it when the first such test class runs and stopped
 * when the last has run. Started once rather than once per class: a start costs most of a minute on two cores, and
 * the classes share the database anyway. It inherits the environment failsafe gives the tests (the test Keycloak,
 * database, mail server and webhook receiver; see web/pom.xml). Its log is {@code target/it-data/portal.log}; when a
 * test failed, its end is printed with the results.
 */
final class TestPortal implements BeforeAllCallback, TestWatcher {

    /**
     * A resource lock for the classes that read the shared portal's figures as a whole (counts over a period, the
     * alert queue, the latest audit records) and for BastionIT, which runs beside the other classes on this portal:
     * while it makes writs, alerts and audit records, those figures are not the classes' own.
     */
    static final String FIGURES = "the shared portal's figures";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestPortal.class);
    private static final int LOG_LINES_SHOWN = 200;

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        running(context).failures++;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, type -> Running.start(),
                Running.class);
    }

    /** The one portal of this run; JUnit closes it once every test class has run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final PortalNode node;
        private final Path log;
        private int failures;

        private Running(PortalNode node, Path log) {
            this.node = node;
            this.log = log;
        }

        static Running start() {
            var dir = Path.of(System.getenv("WRIT_DATA_DIR"));
            try {
                var node = PortalNode.start("under test", Integer.parseInt(TestEnvironment.property(
                        "writ.it.portal.port")), dir, Map.of());
                return new Running(node.awaitReady(), dir.resolve("portal.log"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the portal under test", e);
            }
        }

        @Override
        public void close() throws Exception {
            node.close();
            if (failures > 0 && Files.isRegularFile(log)) {
                var lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                System.out.println("--- the last " + LOG_LINES_SHOWN + " lines of " + log + " (" + failures
                        + " test(s) failed) ---");
                lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()).forEach(System.out::println);
            }
        }
    }
}

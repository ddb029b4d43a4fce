package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the fault injection (scripts/fault-injection.sh, four writs a wave): Keycloak stopped and
 * started, the portal killed with SIGKILL and started again, during three waves of writs; then no writ is left
 * unfinished, no role leaked, no audit record is missing and the chain is intact. It brings its own Keycloak, portal
 * and database (other ports, target/fault-data), so it runs beside the other classes, not after them.
 * WRIT_SKIP_FAULTS=true leaves it out (for instance when one other test is run alone).
 */
@Execution(ExecutionMode.CONCURRENT)
@DisabledIfEnvironmentVariable(named = "WRIT_SKIP_FAULTS", matches = "true")
class FaultInjectionIT {

    @Test
    void everyWritEndsNoRoleLeaksAndTheAuditTrailIsCompleteAfterKeycloakAndThePortalFail() throws Exception {
        var script = Path.of(TestEnvironment.property("writ.keycloak.script")).resolveSibling("fault-injection.sh");
        var log = Path.of(TestEnvironment.property("writ.fault.log"));
        Files.createDirectories(log.getParent());
        // At a lower priority: on two cores it takes what the tests on the shared portal leave (they take longer).
        var run = new ProcessBuilder("nice", "-n", "10", "bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Its own portal and Keycloak: none of the settings the other tests give theirs.
        run.environment().keySet().removeIf(name -> name.startsWith("WRIT_") || name.startsWith("KC_"));
        run.environment().put("FAULT_WRITS_PER_WAVE", System.getenv().getOrDefault("FAULT_WRITS_PER_WAVE", "4"));
        // nothing here is about NHIs: their inventory follows Keycloak once a minute, not every 2 s
        run.environment().put("WRIT_NHI_FOLLOW_SECONDS", "60");
        run.environment().put("FAULT_CLASSPATH", System.getProperty("java.class.path"));
        var process = run.start();

        var finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            // Its program and portal with it, and its Keycloak, which runs on its own (setsid) and would hold the
            // fault injection's port for the next run.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            stopKeycloak(script);
        }

        assertThat(finished).as("the fault injection finished; see " + log).isTrue();
        assertThat(process.exitValue()).as("the fault injection's checks held:\n" + tail(log)).isZero();
        assertThat(Files.readString(log)).contains("PASS:");
    }

    private static void stopKeycloak(Path script) throws IOException, InterruptedException {
        var repo = script.getParent().getParent();
        var stop = new ProcessBuilder("bash", script.resolveSibling("keycloak.sh").toString(), "stop").inheritIO();
        stop.environment().put("KC_DATA", repo.resolve("target/fault-data/keycloak").toString());
        stop.environment().put("KC_PORT", "8580");
        stop.start().waitFor(1, TimeUnit.MINUTES);
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

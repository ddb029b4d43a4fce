package io.writ.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run.sh refuses a database it cannot use before it starts anything, saying what to fix, instead of leaving the
 * person with Payara's stack trace three minutes later.
 */
class RunScriptTest {

    private static final Path RUN = Path.of("..", "run.sh").toAbsolutePath().normalize();

    @Test
    void aDatabaseUrlThatIsNeitherH2NorPostgresqlIsRefusedAtOnce() throws Exception {
        var run = run("jdbc:mysql://db.example:3306/writ");

        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("WRIT_DB_URL").contains("jdbc:postgresql://").contains("jdbc:h2:");
    }

    @Test
    void aPostgresqlServerThatDoesNotAnswerIsRefusedAtOnce() throws Exception {
        var run = run("jdbc:postgresql://127.0.0.1:1/writ?password=never-shown");

        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("nothing answers at 127.0.0.1:1").doesNotContain("never-shown");
    }

    @Test
    void requestTrackerWithoutItsSettingsIsRefusedAtOnce() throws Exception {
        var run = run("jdbc:h2:mem:unused", java.util.Map.of("WRIT_TICKETS_SYSTEM", "request-tracker"));

        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("WRIT_TICKETS_SYSTEM=request-tracker needs WRIT_TICKETS_URL")
                .contains("scripts/ticket-system.sh start");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String databaseUrl) throws IOException, InterruptedException {
        return run(databaseUrl, java.util.Map.of());
    }

    private static Run run(String databaseUrl, java.util.Map<String, String> settings)
            throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", RUN.toString()).redirectErrorStream(true);
        process.environment().putAll(settings);
        process.environment().put("WRIT_DB_URL", databaseUrl);
        process.environment().put("WRIT_DATA_DIR", Path.of("target", "run-script-test").toAbsolutePath().toString());
        var started = process.start();
        if (!started.waitFor(30, TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new AssertionError("./run.sh did not stop at the bad database URL " + databaseUrl);
        }
        return new Run(started.exitValue(), new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

package io.writ.workflow.engine;

import io.writ.domain.NotPermitted;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.NotInDirectory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal the engine met is the asker's answer, not an error in the log; a fault still is. */
class RefusalsAreAnswersTest {

    @Test
    void aRefusalInsideAListenerIsNotLoggedAsAnEngineErrorButKeycloakAwayIs() {
        RefusalsAreAnswers.install();
        var engineLog = Logger.getLogger("org.camunda.bpm.engine.context").getFilter();

        var refusal = error(new ProcessEngineException("ENGINE-03051 exception while invoking the TaskListener",
                new NotPermitted("you have already decided on writ w-1; each person counts once")));
        var fault = error(new DirectoryUnavailable("Keycloak at http://kc cannot be reached", null));
        var gone = error(new ProcessEngineException("ENGINE-03051 exception while executing the grant",
                new NotInDirectory("No user 'alice' with id 4f1c in Keycloak realm 'writ'")));

        assertThat(engineLog.isLoggable(refusal)).isFalse();
        assertThat(engineLog.isLoggable(fault)).isTrue();
        assertThat(engineLog.isLoggable(gone)).as("what a step cannot find is a fault of the setup").isTrue();
        assertThat(engineLog.isLoggable(new LogRecord(Level.INFO, "ENGINE-00001 Process Engine writ created."))).isTrue();
    }

    private static LogRecord error(Throwable thrown) {
        var record = new LogRecord(Level.SEVERE, "ENGINE-16004 Exception while closing command context");
        record.setThrown(thrown);
        return record;
    }
}

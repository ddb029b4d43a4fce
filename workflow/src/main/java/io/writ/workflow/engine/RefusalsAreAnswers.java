package io.writ.workflow.engine;

import io.writ.domain.NotFound;
import io.writ.domain.WritException;

import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The engine logs every exception that ends a command as an error, with its stack trace. When that exception is the
 * model's refusal (a second decision by the same approver, a window over the entitlement's cap), the person or
 * pipeline that asked gets it as their answer (a 4xx, a form message): it is no fault of the portal, and is not
 * logged as one. Failures that are faults (Keycloak away in a job, say) are still logged, and so is something not
 * found: a writ's step that cannot find its entitlement or identity any more is a fault of the setup, not an answer.
 */
final class RefusalsAreAnswers {

    /** Held here so the filter stays: a logger nobody references can be collected and made again without it. */
    private static final Logger COMMAND_CONTEXT = Logger.getLogger("org.camunda.bpm.engine.context");

    private RefusalsAreAnswers() {
    }

    static void install() {
        COMMAND_CONTEXT.setFilter(RefusalsAreAnswers::isFault);
    }

    /** False when the record's exception is, or is caused by, a refusal of the model. */
    static boolean isFault(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof NotFound) {
                return true;
            }
            if (t instanceof WritException) {
                return false;
            }
        }
        return true;
    }
}

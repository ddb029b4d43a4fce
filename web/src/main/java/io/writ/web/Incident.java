package io.writ.web;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure of the portal itself (not a refusal, not an interruption): a bug. Each gets an id that the person who
 * met it is shown and the log holds beside the whole failure, so the two can be matched. The log line starts with
 * {@link #MARK}; the integration tests fail on any.
 */
public final class Incident {

    /** Begins the log line of every incident. */
    public static final String MARK = "WRIT-500";

    private static final Logger LOG = Logger.getLogger(Incident.class.getName());

    private Incident() {
    }

    /** Logs the failure under a new id, with what was being done; returns the id to show. */
    public static String record(String whatFailed, Throwable failure) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, MARK + " incident " + id + ": " + whatFailed, failure);
        return id;
    }
}

package io.writ.web;

import java.io.EOFException;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The caller hung up: its connection closed before its request's body was read or while its answer was written (a
 * bastion agent whose network went away, a browser closed mid-upload). No fault of the portal and nobody to answer:
 * the request's transaction rolled back or had committed, so a client that asks again finds things as they are. It
 * is logged as such, never as an {@link Incident}.
 */
public final class ClientGone {

    private static final Logger LOG = Logger.getLogger(ClientGone.class.getName());

    /** What the servlet container's connection says when the other end is gone. */
    private static final Set<String> CLOSED = Set.of("Connection is closed", "Broken pipe",
            "Connection reset by peer", "Closed by peer");

    private ClientGone() {
    }

    /** Whether the failure is the caller's connection closing (and not something the portal did). */
    public static boolean is(Throwable failure) {
        return CauseChain.first(failure, t -> t instanceof EOFException
                || t instanceof IOException && t.getMessage() != null && CLOSED.contains(t.getMessage())).isPresent();
    }

    /** Logs that a request was cut off by its caller. */
    public static void log(String request, Throwable failure) {
        LOG.info(() -> "The caller of " + request + " closed its connection before it was answered (" + failure
                + "); nothing more to do");
    }
}

package io.writ.domain.ticket;

import java.util.Objects;

/** The ticket system's answer about one reference, with a message a requester can act on. */
public record TicketStatus(TicketState state, String message) {

    public TicketStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    public static TicketStatus open(String ref) {
        return new TicketStatus(TicketState.OPEN, "ticket " + ref + " is open");
    }

    public static TicketStatus closed(String ref) {
        return new TicketStatus(TicketState.CLOSED, "ticket " + ref + " is closed; access needs an open ticket");
    }

    public static TicketStatus unknown(String ref) {
        return new TicketStatus(TicketState.UNKNOWN, "no ticket " + ref + " is known to the ticket system");
    }

    /** @param message what a reference should look like, in the words of the ticket system's format */
    public static TicketStatus malformed(String message) {
        return new TicketStatus(TicketState.MALFORMED, message);
    }

    public boolean isOpen() {
        return state == TicketState.OPEN;
    }
}

package io.writ.domain.ticket;

/** What the ticket system says about a reference. Only an OPEN ticket can back a writ. */
public enum TicketState {
    /** The ticket exists and work under it may go on. */
    OPEN,
    /** The ticket exists but its work is finished (closed, resolved or rejected). */
    CLOSED,
    /** The reference is well formed but the ticket system does not know it. */
    UNKNOWN,
    /** The reference is not a ticket reference at all. */
    MALFORMED,
    /** The ticket system could not be asked (down, or refusing Writ's account): nothing is known of the ticket. */
    UNREACHABLE
}

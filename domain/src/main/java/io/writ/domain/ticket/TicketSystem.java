package io.writ.domain.ticket;

/**
 * The change and incident ticket system as the model sees it (the built-in registry, or an external system behind
 * an adapter). Every writ that is not break-glass must name an open ticket.
 */
public interface TicketSystem {

    /** What the ticket system says about the reference now; never null, never throws for a bad reference. */
    TicketStatus check(String ref);
}

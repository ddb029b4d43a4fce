package io.writ.domain.ticket;

import java.util.List;
import java.util.Optional;

/** The built-in registry of tickets (a repository port). */
public interface TicketRegistry {

    void save(Ticket ticket);

    Optional<Ticket> byRef(String ref);

    /** Every ticket, newest first. */
    List<Ticket> all();
}

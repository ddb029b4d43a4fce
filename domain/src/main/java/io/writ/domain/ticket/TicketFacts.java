package io.writ.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a ticket system says of one ticket, for the requester to see and for the checks at submission.
 *
 * @param ref         the reference as Writ accepts it (for example {@code CHG-42})
 * @param title       the ticket's subject
 * @param systemState the state in the ticket system's own words (for example {@code stalled})
 * @param owner       who owns it; empty when nobody does
 * @param involved    everyone on it: its owner, requestors and watchers (usernames)
 * @param knowsPeople whether the system tells who is on its tickets (the built-in registry may not)
 * @param plannedFrom a change's planned window start; empty when it has none
 * @param plannedTo   a change's planned window end (due); empty when it has none
 */
public record TicketFacts(String ref, String title, String systemState, Optional<String> owner, Set<String> involved,
                          boolean knowsPeople, Optional<Instant> plannedFrom, Optional<Instant> plannedTo) {

    public TicketFacts {
        Objects.requireNonNull(ref, "ref");
        title = title == null ? "" : title;
        Objects.requireNonNull(systemState, "systemState");
        Objects.requireNonNull(owner, "owner");
        involved = Set.copyOf(involved);
        Objects.requireNonNull(plannedFrom, "plannedFrom");
        Objects.requireNonNull(plannedTo, "plannedTo");
    }

    /** A ticket that tells nothing of people or a window (the built-in registry's without an owner). */
    public static TicketFacts bare(String ref, String title, String systemState) {
        return new TicketFacts(ref, title, systemState, Optional.empty(), Set.of(), false, Optional.empty(),
                Optional.empty());
    }
}

package io.writ.domain.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may ask for access under a ticket ({@code writ.tickets.involvement}): anyone, only its owner, or anyone on it
 * (owner, requestors, watchers). Applies to tickets whose system tells who is on them.
 */
public enum TicketInvolvement {
    OFF,
    OWNER,
    INVOLVED;

    /** {@code off}, {@code owner} or {@code involved}, in any case. */
    public static TicketInvolvement parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("writ.tickets.involvement is off, owner or involved, not '" + text + "'",
                    e);
        }
    }

    /** Why this person may not work under the ticket; empty when they may. */
    Optional<String> refusal(TicketFacts ticket, String person) {
        if (this == OFF || !ticket.knowsPeople()) {
            return Optional.empty();
        }
        var isOwner = ticket.owner().filter(person::equals).isPresent();
        var isOn = isOwner || ticket.involved().contains(person);
        if (this == OWNER ? isOwner : isOn) {
            return Optional.empty();
        }
        var owner = ticket.owner().map(o -> "owned by " + o).orElse("owned by nobody");
        return Optional.of("ticket " + ticket.ref() + " is " + owner + "; only "
                + (this == OWNER ? "its owner" : "its owner and the people on it") + " may ask for access under it");
    }
}

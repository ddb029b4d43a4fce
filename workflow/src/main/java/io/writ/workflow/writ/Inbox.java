package io.writ.workflow.writ;

import io.writ.domain.ticket.TicketState;
import io.writ.domain.writ.Writ;

import java.util.List;
import java.util.Optional;

/**
 * What awaits an approver, read in one go: the writs to decide and the extensions active writs ask for, each with
 * what the approver weighs beside it.
 *
 * @param writs      the writs awaiting this approver's decision, oldest first
 * @param extensions the active writs whose extension awaits this approver, oldest first (no history beside them)
 */
public record Inbox(List<Entry> writs, List<Entry> extensions) {

    /** How many of the requester's other writs are shown beside a writ awaiting a decision. */
    public static final int HISTORY = 5;

    public Inbox {
        writs = List.copyOf(writs);
        extensions = List.copyOf(extensions);
    }

    /**
     * @param writ        the writ awaiting a decision
     * @param ticketState what the ticket system says of its ticket now; none for break-glass
     * @param history     the requester's latest other writs, newest first, at most {@link #HISTORY}
     */
    public record Entry(Writ writ, Optional<TicketState> ticketState, List<Writ> history) {

        public Entry {
            history = List.copyOf(history);
        }
    }
}

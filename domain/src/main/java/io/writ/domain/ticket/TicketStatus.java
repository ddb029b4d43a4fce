package io.writ.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticket system's answer about one reference, with a message a requester can act on, what the system says of
 * the ticket (when it knows it), and who may work under it.
 */
public record TicketStatus(TicketState state, String message, Optional<TicketFacts> facts,
                           TicketInvolvement involvement) {

    public TicketStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(involvement, "involvement");
    }

    public TicketStatus(TicketState state, String message) {
        this(state, message, Optional.empty(), TicketInvolvement.OFF);
    }

    public static TicketStatus open(String ref) {
        return new TicketStatus(TicketState.OPEN, "ticket " + ref + " is open");
    }

    /** An open ticket as its system describes it; who may work under it as configured. */
    public static TicketStatus open(TicketFacts facts, TicketInvolvement involvement) {
        return new TicketStatus(TicketState.OPEN, "ticket " + facts.ref() + " is open" + inWords(facts, "open"),
                Optional.of(facts), involvement);
    }

    public static TicketStatus closed(String ref) {
        return new TicketStatus(TicketState.CLOSED, "ticket " + ref + " is closed; access needs an open ticket");
    }

    public static TicketStatus closed(TicketFacts facts) {
        return new TicketStatus(TicketState.CLOSED, "ticket " + facts.ref() + " is closed" + inWords(facts, "closed")
                + "; access needs an open ticket", Optional.of(facts), TicketInvolvement.OFF);
    }

    public static TicketStatus unknown(String ref) {
        return new TicketStatus(TicketState.UNKNOWN, "no ticket " + ref + " is known to the ticket system");
    }

    /** @param message what a reference should look like, in the words of the ticket system's format */
    public static TicketStatus malformed(String message) {
        return new TicketStatus(TicketState.MALFORMED, message);
    }

    /** @param why what failed, for the requester and the operator (the system's name and what it answered) */
    public static TicketStatus unreachable(String ref, String why) {
        return new TicketStatus(TicketState.UNREACHABLE, "ticket " + ref + " cannot be checked: " + why
                + "; new requests wait until the ticket system is back");
    }

    /** The system's own word for the state, when it says more than open or closed. */
    private static String inWords(TicketFacts facts, String plain) {
        return facts.systemState().equalsIgnoreCase(plain) ? "" : " (" + facts.systemState() + ")";
    }

    public boolean isOpen() {
        return state == TicketState.OPEN;
    }

    /**
     * Why this ticket cannot back the requester's writ asked now for so many minutes: its window would run from now
     * (at the latest; it starts when granted) for those minutes. Empty when it can.
     */
    public Optional<String> refusal(String requester, Instant now, int minutes) {
        return refusal(requester, now, now.plus(java.time.Duration.ofMinutes(Math.max(0, minutes))));
    }

    /**
     * Why this ticket cannot back the requester's writ for the window {@code from}-{@code to}; empty when it can. It
     * must be open; the requester must be its owner or on it (as configured); a change's planned window must hold
     * the writ's window.
     */
    public Optional<String> refusal(String requester, Instant from, Instant to) {
        if (!isOpen()) {
            return Optional.of(message);
        }
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        var ticket = facts.get();
        var notTheirs = involvement.refusal(ticket, requester);
        if (notTheirs.isPresent()) {
            return notTheirs;
        }
        var start = ticket.plannedFrom().filter(from::isBefore);
        var end = ticket.plannedTo().filter(to::isAfter);
        if (start.isPresent() || end.isPresent()) {
            return Optional.of("ticket " + ticket.ref() + " plans its work from "
                    + ticket.plannedFrom().map(Instant::toString).orElse("any time") + " to "
                    + ticket.plannedTo().map(Instant::toString).orElse("any time") + ": the writ's window (" + from
                    + " to " + to + ") must fall inside it");
        }
        return Optional.empty();
    }
}

package io.writ.workflow.tickets;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.ticket.Ticket;
import io.writ.domain.ticket.TicketRegistry;
import io.writ.domain.ticket.TicketState;
import io.writ.domain.writ.Writ;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.writ.domain.NotFound;
import io.writ.domain.Conflict;

/** The built-in ticket registry's use cases: register a ticket, close it (ending the writs it backs). */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class TicketDesk {

    @Inject
    TicketRegistry registry;

    @Inject
    RegisteredTickets format;

    @Inject
    ConfiguredTicketSystem system;

    @Inject
    WritDesk writDesk;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** Registers a ticket as OPEN or CLOSED; registering a known reference again is refused. */
    public Ticket register(String ref, String title, String state, String by) {
        refuseWhenExternal("open the ticket there");
        var problems = new ArrayList<FieldError>();
        if (!format.wellFormed(ref)) {
            problems.add(new FieldError("ref", "expected the format " + format.format()));
        }
        if (title == null || title.isBlank()) {
            problems.add(new FieldError("title", "is required"));
        } else if (title.length() > 500) {
            problems.add(new FieldError("title", "at most 500 characters"));
        }
        TicketState ticketState = null;
        if (state == null || state.isBlank()) {
            ticketState = TicketState.OPEN;
        } else if ("OPEN".equals(state) || "CLOSED".equals(state)) {
            ticketState = TicketState.valueOf(state);
        } else {
            problems.add(new FieldError("state", "OPEN or CLOSED"));
        }
        if (problems.isEmpty() && registry.byRef(ref).isPresent()) {
            problems.add(new FieldError("ref", "ticket " + ref + " is already registered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        var now = clock.instant();
        var ticket = new Ticket(ref, title.strip(), ticketState, now);
        registry.save(ticket);
        audit.record(new AuditEntry(now, by, "ticket.registered", "ticket:" + ref, ticketState + ": " + ticket.title()));
        return ticket;
    }

    /** Closes a ticket; the active writs it backs end now with reason TICKET_CLOSED. Returns those writs. */
    public List<Writ> close(String ref, String by) {
        refuseWhenExternal("close the ticket there, and the writs it backs end");
        var ticket = registry.byRef(ref).orElseThrow(() -> new NotFound("no ticket " + ref));
        var now = clock.instant();
        if (ticket.close(now)) {
            audit.record(new AuditEntry(now, by, "ticket.closed", "ticket:" + ref, "work finished"));
        }
        return writDesk.ticketClosed(ref, by);
    }

    /**
     * A ticket system pushed a ticket's state (the signed webhook) into the registry: registered when new, replaced
     * when known; a push older than the one known changes nothing. A ticket closed by the push ends its writs.
     * Returns the writs ended.
     */
    public List<Writ> pushed(String ref, Ticket.Pushed push, Instant at, String by) {
        var known = registry.byRef(ref);
        if (known.flatMap(Ticket::pushedAt).filter(at::isBefore).isPresent()) {
            return List.of();
        }
        var ticket = known.orElseGet(() -> {
            var made = new Ticket(ref, push.title(), TicketState.OPEN, clock.instant());
            registry.save(made);
            return made;
        });
        var closedNow = ticket.pushed(push, at);
        audit.record(new AuditEntry(clock.instant(), by, "ticket.pushed", "ticket:" + ref,
                (push.open() ? "OPEN" : "CLOSED") + " (" + push.systemState() + "): " + ticket.title()));
        return closedNow || !push.open() ? writDesk.ticketClosed(ref, by) : List.of();
    }

    /**
     * The ticket system says the ticket is closed (or gone): the active writs it backs end now with reason
     * TICKET_CLOSED. Returns those writs.
     *
     * @param pushed whether the system said so itself (its notification) rather than when Writ asked (its poll)
     */
    public List<Writ> closedInSystem(String ref, String by, boolean pushed) {
        var ended = writDesk.ticketClosed(ref, by);
        if (!ended.isEmpty()) {
            audit.record(new AuditEntry(clock.instant(), by, "ticket.closed", "ticket:" + ref,
                    "closed in the ticket system, " + (pushed ? "as it pushed" : "as Writ's poll found")
                            + "; writs ended: " + ended.stream().map(Writ::id).toList()));
        }
        return ended;
    }

    /** With an external ticket system, the tickets are its own: the registry takes none by hand. */
    private void refuseWhenExternal(String instead) {
        if (system.external()) {
            throw new Conflict("tickets come from " + system.describe() + ": " + instead);
        }
    }

    public List<Ticket> all() {
        return registry.all();
    }
}

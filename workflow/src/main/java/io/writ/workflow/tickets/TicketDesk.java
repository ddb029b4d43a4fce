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
import java.util.ArrayList;
import java.util.List;
import io.writ.domain.NotFound;

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
    WritDesk writDesk;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** Registers a ticket as OPEN or CLOSED; registering a known reference again is refused. */
    public Ticket register(String ref, String title, String state, String by) {
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
        var ticket = registry.byRef(ref).orElseThrow(() -> new NotFound("no ticket " + ref));
        var now = clock.instant();
        if (ticket.close(now)) {
            audit.record(new AuditEntry(now, by, "ticket.closed", "ticket:" + ref, "work finished"));
        }
        return writDesk.ticketClosed(ref, by);
    }

    public List<Ticket> all() {
        return registry.all();
    }
}

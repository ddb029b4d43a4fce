package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.ticket.Ticket;
import io.writ.domain.ticket.TicketState;
import io.writ.domain.writ.Writ;
import io.writ.workflow.tickets.ConfiguredTicketSystem;
import io.writ.workflow.tickets.TicketDesk;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An administrator registers tickets in the built-in registry and closes them, which ends the writs they back. */
@Named
@ViewScoped
public class ManageTickets implements Serializable {

    private static final String AGAIN = "/admin/tickets.xhtml?faces-redirect=true";

    /** Where each field of the model's answer is shown on admin/tickets.xhtml. */
    private static final Map<String, String> CONTROLS = Map.of("ref", "register:ref", "title", "register:title",
            "state", "register:state");

    /** A registered ticket as the page shows it (times in UTC, ready to print). */
    public record Entry(String ref, String title, String state, String registeredAt, String closedAt)
            implements Serializable {

        static Entry of(Ticket t) {
            return new Entry(t.ref(), t.title(), t.state().name(), UtcTime.minutes(t.registeredAt()),
                    Optional.ofNullable(t.closedAt()).map(UtcTime::minutes).orElse(null));
        }

        public boolean isOpen() {
            return TicketState.OPEN.name().equals(state);
        }
    }

    @Inject TicketDesk desk;
    @Inject ConfiguredTicketSystem system;
    @Inject transient SecurityContext security;

    private List<Entry> tickets;
    private String systemStatus;
    private String ref, title;
    private String state = TicketState.OPEN.name();

    @PostConstruct
    void load() {
        tickets = desk.all().stream().map(Entry::of).toList();
        systemStatus = systemStatus();
    }

    public String register() {
        return PageMessages.attempt(() -> desk.register(ref, title, state, caller()),
                ticket -> "Ticket " + ticket.ref() + " registered: " + ticket.state(), AGAIN, CONTROLS);
    }

    public String close(String ticketRef) {
        return PageMessages.attempt(() -> desk.close(ticketRef, caller()), ended -> "Ticket " + ticketRef + " closed; "
                + ended.size() + (ended.size() == 1 ? " writ" : " writs") + " ended"
                + (ended.isEmpty() ? "" : ": " + String.join(", ", ended.stream().map(Writ::id).toList())),
                AGAIN, Map.of());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    /** Where tickets come from, and whether it answers (asked once per view). */
    private String systemStatus() {
        var reach = system.probe();
        if (reach.reachable()) {
            return "Tickets come from " + system.describe() + (system.external() ? ": it answers." : ".");
        }
        return "Tickets come from " + system.describe() + ", which does NOT answer: " + reach.lastProblem().orElse("")
                + (system.refusesWhenUnreachable() ? ". New requests are refused until it is back; active writs go on."
                : ". New requests are taken with their ticket unchecked.");
    }

    public String getSystemStatus() { return systemStatus; }
    public boolean isExternal() { return system.external(); }
    public List<Entry> getTickets() { return tickets; }
    public List<String> getStates() { return List.of(TicketState.OPEN.name(), TicketState.CLOSED.name()); }
    public String getRef() { return ref; }
    public void setRef(String ref) { this.ref = ref; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
}

package io.writ.domain.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change or incident ticket in the built-in registry: work under it justifies access while it is open.
 * Closing it ends the writs it backs. Registered by an admin, or pushed by a ticket system through the signed
 * webhook, which also says who is on it and when a change's work is planned.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @Column(length = 100)
    private String ref;

    @Column(nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TicketState state;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The state in the pushing system's words (for example {@code In Progress}); null for a registered ticket. */
    @Column(name = "system_state", length = 50)
    private String systemState;

    @Column(length = 200)
    private String owner;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_person", joinColumns = @JoinColumn(name = "ticket_ref"))
    @Column(name = "username", length = 200)
    private Set<String> involved = new HashSet<>();

    @Column(name = "planned_from")
    private Instant plannedFrom;

    @Column(name = "planned_to")
    private Instant plannedTo;

    /** When a ticket system last pushed its state; null for a ticket only registered by an admin. */
    @Column(name = "pushed_at")
    private Instant pushedAt;

    @Version
    private long version;

    protected Ticket() {
        // for JPA
    }

    /** Registers a ticket as the ticket system reports it: OPEN or CLOSED. */
    public Ticket(String ref, String title, TicketState state, Instant now) {
        if (state != TicketState.OPEN && state != TicketState.CLOSED) {
            throw new IllegalArgumentException("a registered ticket is OPEN or CLOSED");
        }
        this.ref = Objects.requireNonNull(ref, "ref");
        this.title = Objects.requireNonNull(title, "title");
        this.state = state;
        this.registeredAt = Objects.requireNonNull(now, "now");
        this.closedAt = state == TicketState.CLOSED ? now : null;
    }

    /** The work is done. Returns false when it was already closed (closing twice changes nothing). */
    public boolean close(Instant now) {
        if (state == TicketState.CLOSED) {
            return false;
        }
        state = TicketState.CLOSED;
        closedAt = now;
        return true;
    }

    /**
     * A ticket system pushed the ticket's state: what it says replaces what was known. Returns true when this push
     * closed the ticket (its writs end).
     */
    public boolean pushed(Pushed push, Instant now) {
        title = push.title();
        systemState = push.systemState();
        owner = push.owner();
        involved = new HashSet<>(push.involved());
        plannedFrom = push.plannedFrom();
        plannedTo = push.plannedTo();
        pushedAt = now;
        if (push.open()) {
            state = TicketState.OPEN;
            closedAt = null;
            return false;
        }
        return close(now);
    }

    /** What the ticket system says of the ticket, for the checks at submission. */
    public TicketFacts facts() {
        var everyone = new HashSet<>(involved);
        if (owner != null) {
            everyone.add(owner);
        }
        return new TicketFacts(ref, title, systemState != null ? systemState : state.name().toLowerCase(java.util.Locale.ROOT),
                Optional.ofNullable(owner), everyone, owner != null || !involved.isEmpty(),
                Optional.ofNullable(plannedFrom), Optional.ofNullable(plannedTo));
    }

    /** A ticket's state as a ticket system pushes it (validated by the receiving end). */
    public record Pushed(String title, boolean open, String systemState, String owner, Set<String> involved,
                         Instant plannedFrom, Instant plannedTo) {
    }

    public Optional<Instant> pushedAt() { return Optional.ofNullable(pushedAt); }
    public String ref() { return ref; }
    public String title() { return title; }
    public TicketState state() { return state; }
    public Instant registeredAt() { return registeredAt; }
    public Instant closedAt() { return closedAt; }
}

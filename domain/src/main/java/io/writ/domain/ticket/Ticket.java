package io.writ.domain.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * A change or incident ticket in the built-in registry: work under it justifies access while it is open.
 * Closing it ends the writs it backs.
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

    public String ref() { return ref; }
    public String title() { return title; }
    public TicketState state() { return state; }
    public Instant registeredAt() { return registeredAt; }
    public Instant closedAt() { return closedAt; }
}

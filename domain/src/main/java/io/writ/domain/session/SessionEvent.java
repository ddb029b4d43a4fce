package io.writ.domain.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * The receipt of one reported event, kept by its id so a second report is a duplicate. Under FULL coverage it
 * keeps the event's target and detail; under LIGHT only that it happened, when, and whether it was in scope.
 */
@Entity
@Table(name = "session_event")
public class SessionEvent {

    @Id
    @Column(name = "event_id", length = 200)
    private String eventId;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionEventType type;

    @Column(nullable = false)
    private Instant at;

    /** When the portal took the event in, by its clock; null for events kept before this was measured. */
    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(length = ReportedEvent.MAX_TARGET)
    private String target;

    @Column(length = ReportedEvent.MAX_DETAIL)
    private String detail;

    @Column(length = ReportedEvent.MAX_TARGET)
    private String directory;

    /** Null when no writ covered the event, so there was no scope to check against. */
    @Column(name = "in_scope")
    private Boolean inScope;

    @Column(name = "content_kept", nullable = false)
    private boolean contentKept;

    protected SessionEvent() {
    }

    /**
     * @param receivedAt when the portal took the event in (its own clock; {@code at} is the source's)
     */
    public static SessionEvent of(ReportedEvent e, PrivilegedSession session, Boolean inScope, boolean keepContent,
                                  Instant receivedAt) {
        var r = new SessionEvent();
        r.eventId = e.eventId();
        r.sessionId = session.id();
        r.type = e.type();
        r.at = e.at();
        r.receivedAt = receivedAt;
        r.target = keepContent ? e.target() : null;
        r.detail = keepContent ? e.detail() : null;
        r.directory = keepContent ? e.directory() : null;
        r.inScope = inScope;
        r.contentKept = keepContent;
        return r;
    }

    public String eventId() { return eventId; }
    public String sessionId() { return sessionId; }
    public SessionEventType type() { return type; }
    public Instant at() { return at; }
    public Optional<Instant> receivedAt() { return Optional.ofNullable(receivedAt); }
    public Optional<String> target() { return Optional.ofNullable(target); }
    public Optional<String> detail() { return Optional.ofNullable(detail); }
    public Optional<String> directory() { return Optional.ofNullable(directory); }
    public Optional<Boolean> inScope() { return Optional.ofNullable(inScope); }
    public boolean contentKept() { return contentKept; }
}

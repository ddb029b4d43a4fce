package io.writ.domain.writ;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The requester's latest request for more time on an active writ, and its decision. A value: deciding yields a
 * new extension. Earlier extensions live on in the audit trail; the writ keeps the latest.
 */
@Embeddable
public class Extension {

    @Column(name = "extension_minutes")
    private Integer minutes;

    @Column(name = "extension_requested_at")
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "extension_state", length = 20)
    private ExtensionState state;

    @Column(name = "extension_decided_by")
    private String decidedBy;

    @Column(name = "extension_decided_at")
    private Instant decidedAt;

    @Column(name = "extension_comment", length = 2000)
    private String comment;

    protected Extension() {
        // for JPA
    }

    private Extension(int minutes, Instant requestedAt, ExtensionState state, String decidedBy, Instant decidedAt,
                      String comment) {
        this.minutes = minutes;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.state = state;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.comment = comment;
    }

    static Extension requested(int minutes, Instant at) {
        return new Extension(minutes, at, ExtensionState.PENDING, null, null, null);
    }

    Extension approved(String by, Instant at) {
        return new Extension(minutes, requestedAt, ExtensionState.APPROVED, by, at, null);
    }

    Extension rejected(String by, String why, Instant at) {
        return new Extension(minutes, requestedAt, ExtensionState.REJECTED, by, at, why);
    }

    public boolean isPending() {
        return state == ExtensionState.PENDING;
    }

    public int minutes() { return minutes; }
    public Instant requestedAt() { return requestedAt; }
    public ExtensionState state() { return state; }
    public Optional<String> decidedBy() { return Optional.ofNullable(decidedBy); }
    public Optional<Instant> decidedAt() { return Optional.ofNullable(decidedAt); }
    public Optional<String> comment() { return Optional.ofNullable(comment); }
}

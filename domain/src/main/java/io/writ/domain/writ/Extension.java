package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.stepup.SignIn;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Duration;
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

    /** How the person who decided had signed in (their token's acr and auth_time); null when unknown. */
    @Column(name = "extension_decider_acr", length = 100)
    private String deciderAcr;

    @Column(name = "extension_decider_signed_in_at")
    private Instant deciderSignedInAt;

    protected Extension() {
        // for JPA
    }

    private Extension(int minutes, Instant requestedAt, ExtensionState state, String decidedBy, Instant decidedAt,
                      String comment, SignIn deciderSignIn) {
        this.minutes = minutes;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.state = state;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.comment = comment;
        this.deciderAcr = deciderSignIn.acr();
        this.deciderSignedInAt = deciderSignIn.at();
    }

    /**
     * The requester of an active writ asks for more time while its window runs; one extension awaits a decision at a
     * time, and break-glass keeps its short window. The whole window, extensions included, may not exceed the
     * policy's maximum: asking beyond it is refused with the minutes still available, rather than approved and
     * silently shortened.
     */
    static Extension requested(Writ writ, String by, int minutes, Instant at) {
        var id = writ.id();
        var state = writ.state();
        if (!writ.requester().equals(by)) {
            throw new NotPermitted("only the requester may ask for more time on writ " + id);
        }
        if (writ.breakGlass()) {
            throw new WritStateConflict(state, "break-glass writ " + id + " keeps its short window: ask for a writ "
                    + "on a ticket to go on");
        }
        if (state != WritState.ACTIVE) {
            throw new WritStateConflict(state, "writ " + id + " is " + state + ": it can be extended only while ACTIVE");
        }
        var grant = writ.grant().orElseThrow();
        if (!at.isBefore(grant.expiresAt())) {
            throw new WritStateConflict(state, "the window of writ " + id + " ended at " + grant.expiresAt());
        }
        if (writ.pendingExtension().isPresent()) {
            throw new WritStateConflict(state, "an extension of writ " + id + " already awaits a decision");
        }
        if (minutes < 1) {
            throw InvalidRequest.of("extraMinutes", "must be at least 1 minute");
        }
        var policy = writ.policy().orElseThrow();
        long room = policy.maxMinutes() - Duration.between(grant.grantedAt(), grant.expiresAt()).toMinutes();
        if (minutes > room) {
            throw InvalidRequest.of("extraMinutes", room <= 0
                    ? "the window is already at its maximum of " + policy.maxMinutes() + " minutes"
                    : "at most " + room + " more minutes: the window may not exceed " + policy.maxMinutes()
                    + " minutes");
        }
        return new Extension(minutes, at, ExtensionState.PENDING, null, null, null, SignIn.UNKNOWN);
    }

    Extension approved(Approver by, Instant at) {
        return new Extension(minutes, requestedAt, ExtensionState.APPROVED, by.username(), at, null, by.signIn());
    }

    /** Refused, with a reason: the original end stands. */
    Extension rejected(Approver by, String comment, Instant at) {
        var why = Comments.required(comment, "comment", "say why the extension is refused");
        return new Extension(minutes, requestedAt, ExtensionState.REJECTED, by.username(),
                Objects.requireNonNull(at, "at"), why, by.signIn());
    }

    /** Whether this person decided it so (a repeat of their decision changes nothing). */
    boolean decidedAs(String who, ExtensionState decided) {
        return state == decided && who.equals(decidedBy);
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
    /** How the person who decided had signed in. */
    public SignIn deciderSignIn() { return new SignIn(deciderAcr, deciderSignedInAt); }
}

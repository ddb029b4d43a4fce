package io.writ.domain.writ;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What was actually done in the identity provider for a writ, with the read-back evidence: when the entitlement
 * was granted and seen present, when the window ends, when its end was asked for and why, when it was removed and
 * seen absent, and when the identity's sessions were logged out; or, when another ACTIVE writ of the identity
 * covered the same entitlement as this one ended, which writ kept it and until when. A value: each step yields a new
 * grant.
 */
@Embeddable
public class Grant {

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "confirmed_present_at")
    private Instant confirmedPresentAt;

    @Column(name = "end_requested_at")
    private Instant endRequestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason", length = 30)
    private RevocationReason revocationReason;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "confirmed_absent_at")
    private Instant confirmedAbsentAt;

    @Column(name = "sessions_logged_out_at")
    private Instant sessionsLoggedOutAt;

    /** Whether the grant's two times were taken apart (the add's answer, the read-back's); not before receipts. */
    @Column(name = "grant_measured")
    private Boolean grantMeasured;

    /** Whether the revocation was measured step by step; those recorded before receipts were not. */
    @Column(name = "revocation_measured")
    private Boolean revocationMeasured;

    @Column(name = "sessions_logged_out")
    private Integer sessionsLoggedOut;

    @Column(name = "tokens_rejected_from")
    private Instant tokensRejectedFrom;

    @Column(name = "token_residue_until")
    private Instant tokenResidueUntil;

    /** The writ that kept the entitlement with the identity when this one ended (the last to end removes it). */
    @Column(name = "kept_by_writ", length = 36)
    private String keptByWrit;

    @Column(name = "kept_until")
    private Instant keptUntil;

    @Column(name = "kept_at")
    private Instant keptAt;

    protected Grant() {
        // for JPA
    }

    private Grant(Grant g) {
        this.grantedAt = g.grantedAt;
        this.expiresAt = g.expiresAt;
        this.confirmedPresentAt = g.confirmedPresentAt;
        this.endRequestedAt = g.endRequestedAt;
        this.revocationReason = g.revocationReason;
        this.revokedAt = g.revokedAt;
        this.confirmedAbsentAt = g.confirmedAbsentAt;
        this.sessionsLoggedOutAt = g.sessionsLoggedOutAt;
        this.grantMeasured = g.grantMeasured;
        this.revocationMeasured = g.revocationMeasured;
        this.sessionsLoggedOut = g.sessionsLoggedOut;
        this.tokensRejectedFrom = g.tokensRejectedFrom;
        this.tokenResidueUntil = g.tokenResidueUntil;
        this.keptByWrit = g.keptByWrit;
        this.keptUntil = g.keptUntil;
        this.keptAt = g.keptAt;
    }

    static Grant granted(Instant grantedAt, Instant expiresAt, Instant confirmedPresentAt) {
        var g = new Grant();
        g.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
        g.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        g.confirmedPresentAt = Objects.requireNonNull(confirmedPresentAt, "confirmedPresentAt");
        g.grantMeasured = true;
        return g;
    }

    Grant extendedTo(Instant newExpiry) {
        var g = new Grant(this);
        g.expiresAt = newExpiry;
        return g;
    }

    Grant endRequested(RevocationReason reason, Instant at) {
        var g = new Grant(this);
        g.revocationReason = reason;
        g.endRequestedAt = at;
        return g;
    }

    Grant revoked(Revocation revocation) {
        var g = new Grant(this);
        g.revokedAt = revocation.removedAt();
        g.confirmedAbsentAt = revocation.confirmedAbsentAt();
        g.sessionsLoggedOutAt = revocation.sessionsLoggedOutAt();
        g.sessionsLoggedOut = revocation.sessionsLoggedOut();
        g.tokensRejectedFrom = revocation.tokensRejectedFrom();
        g.tokenResidueUntil = revocation.tokenResidueUntil();
        g.revocationMeasured = true;
        return g;
    }

    Grant keptBy(String writ, Instant until, Instant at) {
        var g = new Grant(this);
        g.keptByWrit = Objects.requireNonNull(writ, "writ");
        g.keptUntil = Objects.requireNonNull(until, "until");
        g.keptAt = Objects.requireNonNull(at, "at");
        return g;
    }

    /** Whether the grant covered that instant: from the grant until expiry, or until its end was asked for. */
    boolean covers(Instant at) {
        return !at.isBefore(grantedAt) && at.isBefore(windowEnd());
    }

    /** When access should have stopped: the window's end, or the earlier moment its end was asked for. */
    public Instant windowEnd() {
        return endRequestedAt != null && endRequestedAt.isBefore(expiresAt) ? endRequestedAt : expiresAt;
    }

    /**
     * How long access outlived the window: from {@link #windowEnd()} until the entitlement was read back as absent
     * in the identity provider. Empty until that read-back.
     */
    public Optional<Duration> revocationLag() {
        return confirmedAbsentAt == null ? Optional.empty()
                : Optional.of(Duration.between(windowEnd(), confirmedAbsentAt));
    }

    boolean isRevoked() {
        return confirmedAbsentAt != null;
    }

    public Instant grantedAt() { return grantedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant confirmedPresentAt() { return confirmedPresentAt; }
    public Optional<Instant> endRequestedAt() { return Optional.ofNullable(endRequestedAt); }
    public Optional<RevocationReason> revocationReason() { return Optional.ofNullable(revocationReason); }
    /** When the removal answered; empty until revoked, and when there was nothing to remove. */
    public Optional<Instant> revokedAt() { return Optional.ofNullable(revokedAt); }
    public Optional<Instant> confirmedAbsentAt() { return Optional.ofNullable(confirmedAbsentAt); }
    public Optional<Instant> sessionsLoggedOutAt() { return Optional.ofNullable(sessionsLoggedOutAt); }
    public boolean grantMeasured() { return Boolean.TRUE.equals(grantMeasured); }
    public boolean revocationMeasured() { return Boolean.TRUE.equals(revocationMeasured); }
    public Optional<Integer> sessionsLoggedOut() { return Optional.ofNullable(sessionsLoggedOut); }
    public Optional<Instant> tokensRejectedFrom() { return Optional.ofNullable(tokensRejectedFrom); }
    public Optional<Instant> tokenResidueUntil() { return Optional.ofNullable(tokenResidueUntil); }
    public Optional<String> keptByWrit() { return Optional.ofNullable(keptByWrit); }
    public Optional<Instant> keptUntil() { return Optional.ofNullable(keptUntil); }
    public Optional<Instant> keptAt() { return Optional.ofNullable(keptAt); }
}

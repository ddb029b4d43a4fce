package io.writ.domain.review;

import io.writ.domain.Conflict;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.ReviewFailureMode;
import io.writ.domain.writ.SeparationOfDutiesViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One standing access put before its reviewer: an identity's direct assignment of a catalogue entitlement, or an
 * NHI's credential, with the usage evidence of the period. The reviewer is the entitlement's owner (for an NHI its
 * owner); nobody reviews their own access, so when the owner is the holder a fallback reviewer is asked instead.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem {

    static final int MAX_REASON = 2000;

    @Id
    @Column(length = 36)
    private String id;

    /** The campaign that took the item in (so an inbox can name it); the campaign's items are read by it. */
    @Column(name = "campaign_id", length = 36, nullable = false, updatable = false)
    private String campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReviewItemKind kind;

    @Column(nullable = false, length = 200)
    private String identity;

    /** The entitlement's name, or for an NHI credential the NHI's client id. */
    @Column(nullable = false, length = 200)
    private String entitlement;

    @Column(nullable = false, length = 200)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_mode", nullable = false, length = 20)
    private ReviewFailureMode failureMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ReviewItemState state;

    @Embedded
    private UsageEvidence evidence;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private ReviewDecision decision;

    @Column(length = MAX_REASON)
    private String reason;

    @Column(name = "decided_by", length = 200)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected ReviewItem() {
        // for JPA
    }

    private ReviewItem(ReviewItemKind kind, String identity, String entitlement, String owner, String fallbackReviewer,
                       ReviewFailureMode failureMode, UsageEvidence evidence) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.identity = Objects.requireNonNull(identity, "identity");
        this.entitlement = Objects.requireNonNull(entitlement, "entitlement");
        Objects.requireNonNull(fallbackReviewer, "fallbackReviewer");
        // Separation of duties: an owner who holds the access does not judge it; nor does an NHI nobody owns go
        // unreviewed.
        this.reviewer = owner == null || owner.isBlank() || owner.equals(identity) ? fallbackReviewer : owner;
        this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.state = ReviewItemState.OPEN;
    }

    /** An identity holds the entitlement directly (not through a writ): its owner reviews it. */
    public static ReviewItem standingAssignment(String identity, Entitlement entitlement, UsageEvidence evidence,
                                                String fallbackReviewer) {
        return new ReviewItem(ReviewItemKind.STANDING_ASSIGNMENT, identity, entitlement.name(), entitlement.owner(),
                fallbackReviewer, entitlement.reviewFailureMode(), evidence);
    }

    /**
     * An NHI's credential: its owner reviews it. A credential fails open: replacing an unreviewed secret would stop
     * a workload nobody was asked about.
     */
    public static ReviewItem nhiCredential(String clientId, String serviceAccount, String owner,
                                           UsageEvidence evidence, String fallbackReviewer) {
        return new ReviewItem(ReviewItemKind.NHI_CREDENTIAL, serviceAccount, clientId, owner, fallbackReviewer,
                ReviewFailureMode.FAIL_OPEN, evidence);
    }

    /**
     * The reviewer decides: only the item's reviewer, never about their own access, once (an overdue item may still
     * be decided). Keeping needs a reason.
     */
    public void decide(String by, ReviewDecision decision, String reason, Instant now) {
        Objects.requireNonNull(by, "by");
        if (!by.equals(reviewer)) {
            throw new NotPermitted("review item " + id + " is for " + reviewer + " to decide, not " + by);
        }
        if (by.equals(identity)) {
            throw new SeparationOfDutiesViolation("nobody reviews their own access: " + by + " holds " + entitlement);
        }
        if (!awaitsDecision()) {
            throw new Conflict("review item " + id + " is " + state + ": it was decided"
                    + (decidedBy == null ? "" : " by " + decidedBy));
        }
        if (decision == null) {
            throw InvalidRequest.of("decision", "KEEP, REVOKE or CONVERT_TO_JIT");
        }
        var text = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == ReviewDecision.KEEP && text == null) {
            throw InvalidRequest.of("reason", "is required to keep standing access: say why it must stay");
        }
        if (text != null && text.length() > MAX_REASON) {
            throw InvalidRequest.of("reason", "at most " + MAX_REASON + " characters");
        }
        this.decision = decision;
        this.reason = text;
        this.decidedBy = by;
        this.decidedAt = Objects.requireNonNull(now, "now");
        this.state = ReviewItemState.DECIDED;
    }

    /**
     * The campaign's deadline passed without a decision: a fail-closed item is revoked (returns true: the caller
     * removes the access), a fail-open one is kept and marked overdue (false). Decided items are left alone.
     */
    boolean missDeadline(Instant now) {
        if (state != ReviewItemState.OPEN) {
            return false;
        }
        if (failureMode == ReviewFailureMode.FAIL_CLOSED) {
            state = ReviewItemState.REVOKED_AT_DEADLINE;
            decision = ReviewDecision.REVOKE;
            reason = "not reviewed by the deadline; " + entitlement + " fails closed";
            decidedBy = "system";
            decidedAt = Objects.requireNonNull(now, "now");
            return true;
        }
        state = ReviewItemState.OVERDUE;
        return false;
    }

    /** Open, or overdue after a fail-open deadline: the reviewer still owes a decision. */
    public boolean awaitsDecision() {
        return state == ReviewItemState.OPEN || state == ReviewItemState.OVERDUE;
    }

    public String id() { return id; }
    public String campaignId() { return campaignId; }

    /** Taken into a campaign, once. */
    void belongTo(String campaign) {
        if (campaignId != null && !campaignId.equals(campaign)) {
            throw new IllegalStateException("review item " + id + " belongs to campaign " + campaignId);
        }
        campaignId = Objects.requireNonNull(campaign, "campaign");
    }
    public ReviewItemKind kind() { return kind; }
    public String identity() { return identity; }
    public String entitlement() { return entitlement; }
    public String reviewer() { return reviewer; }
    public ReviewFailureMode failureMode() { return failureMode; }
    public ReviewItemState state() { return state; }
    public UsageEvidence evidence() { return evidence; }
    public Optional<ReviewDecision> decision() { return Optional.ofNullable(decision); }
    public Optional<String> reason() { return Optional.ofNullable(reason); }
    public Optional<String> decidedBy() { return Optional.ofNullable(decidedBy); }
    public Optional<Instant> decidedAt() { return Optional.ofNullable(decidedAt); }
}

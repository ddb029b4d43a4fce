package io.writ.domain.writ;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.stepup.StepUpRequired;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.writ.domain.writ.SeparationOfDuties.objectionToDeciding;
import static io.writ.domain.writ.SeparationOfDuties.objectionToDecidingExtension;

/**
 * What is kept of a writ, and what it says about itself: its terms, state, decisions, grant, extension, reviews and
 * when it ended. Only {@link Writ}'s transitions change it; everything here reads.
 */
@MappedSuperclass
public abstract class WritRecord {

    @Id
    @Column(length = 36)
    String id;

    @Embedded
    WritTerms terms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    WritState state;

    /** How much of the sessions under this writ is kept as evidence; decided at submission. */
    @Enumerated(EnumType.STRING)
    @Column(name = "session_coverage", length = 10)
    SessionCoverage sessionCoverage;

    /** Empty (no policy, no decisions) until the policy is applied. */
    @Embedded
    Decisions decisions = new Decisions();

    @Embedded
    Grant grant;

    @Embedded
    Extension extension;

    @Column(name = "process_instance_id", length = 64)
    String processInstanceId;

    /** When the writ reached a final state, and who brought it there (null when nobody did: a deadline). */
    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "ended_by", length = 200)
    String endedBy;

    /** Due once a break-glass writ's access was revoked; null before, and for every other writ. */
    @Embedded
    PostIncidentReview postIncidentReview;

    /** Asked once the writ's access was revoked; null before. */
    @Embedded
    PostAccessReview postAccessReview;

    @Version
    long version;

    protected WritRecord() {
        // for JPA
    }

    /** Whether the post-access review was asked and not yet answered. */
    public boolean awaitsPostAccessReview() {
        return postAccessReview != null && postAccessReview.isPending();
    }

    /** Whether the break-glass writ's post-incident review is due and not yet done. */
    public boolean awaitsPostIncidentReview() {
        return postIncidentReview != null && postIncidentReview.isPending();
    }

    /** Whether this person could decide on the writ now: it awaits a decision and they may make it. */
    public boolean awaitsDecisionFrom(Approver approver) {
        return state == WritState.PENDING_APPROVAL && objectionToDeciding(this, approver).isEmpty();
    }

    /** Whether this person could decide on the writ's pending extension now. */
    public boolean awaitsExtensionDecisionFrom(Approver approver) {
        return pendingExtension().isPresent() && objectionToDecidingExtension(this, approver).isEmpty();
    }

    /**
     * A writ whose entitlement asked for step-up when it was submitted is decided on (approval, rejection, extension)
     * only by a person who signed in with a second factor recently enough ({@link StepUpRequired} otherwise).
     */
    void requireStepUpOf(Approver approver, Instant now) {
        terms.stepUp().ifPresent(stepUp -> stepUp.require(approver.signIn(), now, "deciding on writ " + id
                + " (" + terms.entitlement() + ")"));
    }

    /** Whether the writ's decisions need a recent sign-in with a second factor, and how recent. */
    public Optional<StepUp> stepUp() {
        return terms.stepUp();
    }

    /**
     * Whether this person already made exactly this decision on the writ: the same click again, or two of them at
     * once. The repeat is answered as the first was and changes nothing.
     */
    public boolean alreadyDecided(String approver, Decision decision) {
        return decisions().made(approver, decision);
    }

    /**
     * Who may read this writ: its requester and target, the owner of its non-human target, whoever decided on it
     * or belongs to a group that may, and overseers (security and compliance, told by the caller's roles).
     */
    public boolean mayBeSeenBy(String who, Set<String> groups, boolean overseer) {
        if (overseer || terms.involves(who) || decisions().decidedBy(who)) {
            return true;
        }
        return policy().filter(p -> p.hasDeciderAmong(groups)).isPresent();
    }

    /**
     * How long people took to approve it: from submission to the approval that completed it. Empty when the writ
     * was approved at once by its policy (no person was asked), was refused, or is not approved yet.
     */
    public Optional<Duration> timeToApprove() {
        if (decidedAt().isEmpty() || state == WritState.REJECTED || policy().orElseThrow().autoApprove()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(submittedAt(), decidedAt().orElseThrow()));
    }

    /** Since when the writ has waited for its next decision: its submission, or the latest approval so far. */
    public Optional<Instant> awaitingDecisionSince() {
        if (state != WritState.PENDING_APPROVAL) {
            return Optional.empty();
        }
        return Optional.of(decisions().awaitedSince(submittedAt()));
    }

    /** The groups whose members may decide on it now; none unless it awaits a decision. */
    public List<String> awaitedGroups() {
        return state == WritState.PENDING_APPROVAL ? decisions().policy().decidingGroups() : List.of();
    }

    /** How many people have approved so far. */
    public int approvalsSoFar() {
        return decisions().approvalsSoFar();
    }

    /** Whether this writ's grant had stopped covering its identity by that instant. */
    public boolean grantEndedBy(Instant at) {
        return grant != null && !at.isBefore(grant.windowEnd());
    }

    /**
     * The writ that keeps this one's entitlement with its identity as this one ends: of the others, the ACTIVE ones of
     * the same identity for the same entitlement covering that instant, the one whose window ends last. Empty: the
     * entitlement is to be removed.
     */
    public Optional<Writ> keeperAmong(List<Writ> others, Instant at) {
        return others.stream()
                .filter(other -> !other.id().equals(id) && other.target().equals(target())
                        && other.entitlement().equals(entitlement()) && other.isActiveAt(at))
                .max(java.util.Comparator.comparing(other -> other.grant().orElseThrow().windowEnd()));
    }

    /**
     * Whether its entitlement may be in the directory through this writ: approved (its grant may be in the directory
     * a moment before the writ records it), granted, or ended with its revocation not yet recorded (retried while the
     * directory is away).
     */
    public boolean mayHoldEntitlement() {
        return state == WritState.APPROVED || grant != null && grant.confirmedAbsentAt().isEmpty()
                && grant.keptByWrit().isEmpty();
    }

    /** Whether the grant covered that instant: granted, not yet expired, and its end not yet asked for. */
    public boolean isActiveAt(Instant at) {
        return grant != null && grant.covers(at);
    }

    /** The decisions, also of a writ read back before any was made (its embedded columns all empty). */
    Decisions decisions() {
        if (decisions == null) {
            decisions = new Decisions();
        }
        return decisions;
    }

    // --- its fields, as they stand ---

    public String id() { return id; }
    /** What was asked, fixed at submission. */
    public WritTerms terms() { return terms; }
    public String requester() { return terms.requester(); }
    public String target() { return terms.target(); }
    /** The target as the directory is to be told of its grant and revocation: by its key when known. */
    public DirectoryRef targetRef() { return terms.targetRef(); }
    /** The accountable human owner when the target is a non-human identity. */
    public Optional<String> targetOwner() { return terms.targetOwner(); }
    public String entitlement() { return terms.entitlement(); }
    public RiskTier riskTier() { return terms.riskTier(); }
    /** The backing ticket; absent only for break-glass access. */
    public Optional<String> ticket() { return terms.ticket(); }
    public String justification() { return terms.justification(); }
    public DeclaredScope scope() { return terms.scope(); }
    public int requestedMinutes() { return terms.requestedMinutes(); }
    public boolean breakGlass() { return terms.breakGlass(); }
    public boolean thirdParty() { return terms.thirdParty(); }
    public WritState state() { return state; }
    public Optional<ApprovalPolicy> policy() { return Optional.ofNullable(decisions().policy()); }
    public Optional<SessionCoverage> sessionCoverage() { return Optional.ofNullable(sessionCoverage); }
    /** Every decision so far, in the order made. */
    public List<Approval> approvals() { return decisions().approvals(); }
    public Optional<Grant> grant() { return Optional.ofNullable(grant); }
    /** The latest extension asked for, whatever its decision. */
    public Optional<Extension> extension() { return Optional.ofNullable(extension); }
    /** The extension awaiting a decision; one still undecided when the writ ended lapsed with it. */
    public Optional<Extension> pendingExtension() {
        return extension().filter(e -> e.isPending() && state == WritState.ACTIVE);
    }
    public Optional<String> processInstanceId() { return Optional.ofNullable(processInstanceId); }
    public Optional<PostIncidentReview> postIncidentReview() { return Optional.ofNullable(postIncidentReview); }
    public Optional<PostAccessReview> postAccessReview() { return Optional.ofNullable(postAccessReview); }
    public Instant submittedAt() { return terms.submittedAt(); }
    public Optional<Instant> decidedAt() { return Optional.ofNullable(decisions().decidedAt()); }
    public Optional<Instant> endedAt() { return Optional.ofNullable(endedAt); }
    public Optional<String> endedBy() { return Optional.ofNullable(endedBy); }
    public long version() { return version; }
}

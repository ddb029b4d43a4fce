package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.SessionCoverage;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.writ.domain.writ.SeparationOfDuties.objectionToDecidingExtension;
import static io.writ.domain.writ.SeparationOfDuties.refuseIf;
import static io.writ.domain.writ.WritEvent.Kind;
import static io.writ.domain.writ.WritEvent.SYSTEM;
import static java.time.temporal.ChronoUnit.MINUTES;

/**
 * The writ: a requester's ticket-backed, approved, time-bound elevation of one identity to one privileged
 * entitlement. Every change of its life is a method here that checks its rule first; what is refused changes
 * nothing. Each change says what happened as a {@link WritEvent}, which the application records with the change.
 * Time is always handed in, so the writ never reads a clock.
 *
 * <p>Every decision is checked against {@link SeparationOfDuties} first: nobody decides on a writ they asked for,
 * would receive, or whose non-human target they own; only the policy's groups decide; each person once.
 */
@Entity
@Table(name = "writ")
public class Writ extends WritRecord {

    /** What happened since the application last took the events (not kept: the audit trail keeps them). */
    @Transient
    private final List<WritEvent> events = new ArrayList<>();

    protected Writ() {
        // for JPA
    }

    /** Accepts a request, or refuses it with every field error at once. */
    public static Writ submit(Submission s, Instant now) {
        Objects.requireNonNull(now, "now");
        var problems = s.problems(now);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        s.requireStepUp(now);
        var w = new Writ();
        w.id = UUID.randomUUID().toString();
        w.terms = new WritTerms(s, now);
        // A third-party administrator's sessions, and everything under broken glass, are always kept in full.
        w.sessionCoverage = w.thirdParty() || w.breakGlass() ? SessionCoverage.FULL
                : s.entitlement().orElseThrow().coverage();
        w.state = WritState.SUBMITTED;
        w.raise(Kind.SUBMITTED, w.requester(), now, w.terms.describe());
        return w;
    }

    /** Puts the writ before its approvers under its policy, or approves it at once if it says so (break-glass). */
    public void applyPolicy(ApprovalPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        requireState(WritState.SUBMITTED, "have its policy applied");
        if (thirdParty() && !policy.sponsorRequired()) {
            // The policy decision must give a third-party writ a sponsor; letting it through would skip one.
            throw new IllegalArgumentException("a third-party writ needs a policy with a sponsor");
        }
        if (breakGlass() && !policy.autoApprove()) {
            throw new IllegalArgumentException("a break-glass writ is approved at once by its policy");
        }
        if (requestedMinutes() > policy.maxMinutes()) {
            throw InvalidRequest.of("durationMinutes", "at most " + policy.maxMinutes() + " minutes for " + entitlement());
        }
        decisions().under(policy, now);
        state = policy.autoApprove() ? WritState.APPROVED : WritState.PENDING_APPROVAL;
        if (breakGlass()) {
            raise(Kind.BREAK_GLASS, requester(), now, "glass broken: " + entitlement() + " for " + target()
                    + " granted at once for at most " + policy.maxMinutes() + " min without the approval of "
                    + policy.approverGroup() + "; reason: " + justification());
        } else {
            raise(Kind.POLICY_APPLIED, SYSTEM, now, (policy.autoApprove() ? "approved at once"
                    : policy.approvalsRequired() + " approval(s) from " + policy.approverGroup()
                    + (policy.sponsorRequired() ? " and a sponsor from " + policy.sponsorGroup() : ""))
                    + "; window at most " + policy.maxMinutes() + " min; sessions covered " + sessionCoverage);
        }
    }

    /** Records the run of the elevation process that drives this writ; set once. */
    public void attachProcess(String processInstanceId) {
        Objects.requireNonNull(processInstanceId, "processInstanceId");
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("writ " + id + " is already driven by process " + this.processInstanceId);
        }
        this.processInstanceId = processInstanceId;
    }

    /**
     * One approval; true when it made the writ approved (false too for the same approval again). A writ awaiting no
     * decision is a {@link WritStateConflict}; a person who may not decide, a {@link SeparationOfDutiesViolation}.
     */
    public boolean approve(Approver approver, String comment, Instant now) {
        if (alreadyDecided(approver.username(), Decision.APPROVE)) {
            return false;
        }
        requireState(WritState.PENDING_APPROVAL, "be approved");
        boolean met = decisions().approve(this, approver, comment, now);
        if (met) {
            state = WritState.APPROVED;
        }
        raise(Kind.APPROVED, approver.username(), now, decisions().latest(state));
        return met;
    }

    /** One approver's refusal ends the writ; they must say why. */
    public void reject(Approver approver, String comment, Instant now) {
        if (alreadyDecided(approver.username(), Decision.REJECT)) {
            return;
        }
        requireState(WritState.PENDING_APPROVAL, "be rejected");
        decisions().reject(this, approver, comment, now);
        state = WritState.REJECTED;
        end(approver.username(), now);
        raise(Kind.REJECTED, approver.username(), now, decisions().latest(state));
    }

    /** The writ has waited a while: those who may decide and have not are reminded. */
    public void remindApprovers(Instant now) {
        requireState(WritState.PENDING_APPROVAL, "have its approvers reminded");
        raise(Kind.APPROVERS_REMINDED, SYSTEM, now, decisions().soFar() + " so far");
    }

    /** Members of the backup group may now decide as well, under the same rules; again to the same group: no-op. */
    public void escalateTo(String backupGroup, Instant now) {
        requireState(WritState.PENDING_APPROVAL, "be escalated");
        if (decisions().escalateTo(backupGroup)) {
            raise(Kind.ESCALATED, SYSTEM, now, "handed to backup group " + backupGroup);
        }
    }

    /** Nobody decided before the approval deadline. */
    public void expireUnapproved(Instant now) {
        requireState(WritState.PENDING_APPROVAL, "expire unapproved");
        state = WritState.EXPIRED_UNAPPROVED;
        end(null, now);
        raise(Kind.EXPIRED_UNAPPROVED, SYSTEM, now, "no decision before the approval deadline");
    }

    /** The requester withdraws the writ before it is granted; false, changing nothing, when it was withdrawn. */
    public boolean cancel(String by, Instant now) {
        if (!requester().equals(by)) {
            throw new NotPermitted("only the requester may cancel writ " + id);
        }
        if (state == WritState.CANCELLED) {
            return false;
        }
        if (state != WritState.SUBMITTED && state != WritState.PENDING_APPROVAL) {
            throw conflict("be cancelled", "before it is approved");
        }
        state = WritState.CANCELLED;
        end(by, now);
        raise(Kind.CANCELLED, by, now, "withdrawn by the requester");
        return true;
    }

    /**
     * Granted and read back present: the window starts at grant time. A grant already recorded returns false,
     * changing nothing: a retried grant step must not move the window.
     */
    public boolean recordGrant(Instant grantedAt, Instant confirmedPresentAt) {
        if (state == WritState.ACTIVE) {
            return false;
        }
        requireState(WritState.APPROVED, "be granted");
        grant = Grant.granted(grantedAt, grantedAt.plus(requestedMinutes(), MINUTES), confirmedPresentAt);
        state = WritState.ACTIVE;
        raise(Kind.GRANTED, SYSTEM, grantedAt, entitlement() + " granted to " + target()
                + " and read back present; window until " + grant.expiresAt());
        return true;
    }

    /** The break-glass grant is in place: security and the approvers who were skipped are told at once. */
    public void announceBreakGlass(Instant now) {
        if (!breakGlass() || grant == null) {
            throw new WritStateConflict(state, "writ " + id + " is no granted break-glass writ: nothing to announce");
        }
        raise(Kind.BREAK_GLASS_ANNOUNCED, SYSTEM, now, "security and the approver group " + policy().orElseThrow().approverGroup()
                + " told: " + requester() + " holds " + entitlement() + " until " + grant.expiresAt());
    }

    /**
     * Ends the window of an active writ for the given reason: CONTAINMENT leaves it CONTAINED, every other
     * reason ENDED; revocation in the identity provider follows. Only the requester ends their writ early
     * ({@link NotPermitted} otherwise). The same end asked again returns false and changes nothing, so retries
     * and duplicate messages are harmless; a different end of an ended writ is a {@link WritStateConflict}, and so
     * is WINDOW_ENDED before the window has run out (a stale timer after an extension).
     *
     * @return true when this call ended the writ
     */
    public boolean requestEnd(RevocationReason reason, String by, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(now, "now");
        if (reason == RevocationReason.ENDED_BY_REQUESTER && !requester().equals(by)) {
            throw new NotPermitted("only the requester may end writ " + id + " early");
        }
        if (grant != null && grant.revocationReason().filter(reason::equals).isPresent()) {
            return false;
        }
        requireState(WritState.ACTIVE, "be ended");
        if (reason == RevocationReason.WINDOW_ENDED && now.isBefore(grant.expiresAt())) {
            throw new WritStateConflict(state, "the window of writ " + id + " runs until " + grant.expiresAt());
        }
        grant = grant.endRequested(reason, now);
        state = reason == RevocationReason.CONTAINMENT ? WritState.CONTAINED : WritState.ENDED;
        end(by, now);
        if (reason == RevocationReason.WINDOW_ENDED) {
            raise(Kind.WINDOW_ENDED, SYSTEM, now, "window ended at " + grant.expiresAt());
        } else {
            raise(Kind.END_REQUESTED, by, now, reason.name());
        }
        return true;
    }

    /**
     * Removed, read back absent, the identity's sessions logged out (how many: {@code sessionsLoggedOut}); only after
     * the end was asked for. The first record stands: a repeat returns false and changes nothing.
     */
    public boolean recordRevocation(Revocation revocation) {
        if (revocationRecorded()) {
            return false;
        }
        grant = grant.revoked(revocation);
        // The writ ended for good: whoever asked for it now says whether it was used as intended.
        postAccessReview = PostAccessReview.askedAt(revocation.confirmedAbsentAt());
        raise(Kind.REVOKED, SYSTEM, revocation.sessionsLoggedOutAt(), entitlement() + " removed from " + target()
                + " and read back absent; " + revocation.sessionsLoggedOut() + " session(s) logged out; reason "
                + grant.revocationReason().map(Enum::name).orElse("?"));
        return true;
    }

    /**
     * The entitlement stays with the identity: another ACTIVE writ of theirs covers it until {@code until}, and the
     * last writ to end removes it. This writ's access ended all the same; what it kept names that writ.
     */
    public boolean recordKeptBy(String keepingWrit, Instant until, Instant at) {
        if (revocationRecorded()) {
            return false;
        }
        grant = grant.keptBy(keepingWrit, until, at);
        postAccessReview = PostAccessReview.askedAt(at);
        raise(Kind.ACCESS_KEPT, SYSTEM, at, entitlement() + " stays with " + target() + ": writ " + keepingWrit
                + " covers it until " + until + "; the last writ to end removes it");
        return true;
    }

    /** The requester asks for more time while the window runs (see {@link Extension#requested} for its rules). */
    public void requestExtension(String by, int extraMinutes, Instant now) {
        if (pendingExtension().filter(e -> e.minutes() == extraMinutes && requester().equals(by)).isPresent()) {
            return; // the same request again
        }
        extension = Extension.requested(this, by, extraMinutes, now);
        raise(Kind.EXTENSION_REQUESTED, by, now, extraMinutes + " more minutes");
    }

    /**
     * One approver free of conflicts grants the extension (one suffices even under N-of-M: the writ passed every
     * seat, and the total stays within the policy's maximum): the window ends that much later.
     */
    public void approveExtension(Approver approver, Instant now) {
        if (extension().filter(e -> e.decidedAs(approver.username(), ExtensionState.APPROVED)).isPresent()) {
            return; // the same decision again
        }
        requireState(WritState.ACTIVE, "be extended");
        var pending = requirePendingExtension();
        requireWindowOpen(now);
        refuseIf(objectionToDecidingExtension(this, approver));
        requireStepUpOf(approver, now);
        grant = grant.extendedTo(grant.expiresAt().plus(pending.minutes(), MINUTES));
        extension = pending.approved(approver, now);
        raise(Kind.EXTENSION_APPROVED, approver.username(), now, "window now ends at " + grant.expiresAt());
    }

    /** The extension is refused, with a reason; the original end stands. */
    public void rejectExtension(Approver approver, String comment, Instant now) {
        if (extension().filter(e -> e.decidedAs(approver.username(), ExtensionState.REJECTED)).isPresent()) {
            return; // the same decision again
        }
        requireState(WritState.ACTIVE, "have its extension rejected");
        var pending = requirePendingExtension();
        refuseIf(objectionToDecidingExtension(this, approver));
        requireStepUpOf(approver, now);
        extension = pending.rejected(approver, comment, now);
        raise(Kind.EXTENSION_REJECTED, approver.username(), now, extension.comment().orElseThrow());
    }

    /** After broken glass, how the credentials the access touched were dealt with, in a sentence. */
    public void recordCredentialsAfterBreakGlass(String how, Instant now) {
        if (!breakGlass() || grant == null || !grant.isRevoked()) {
            throw new WritStateConflict(state, "writ " + id + " is no revoked break-glass writ");
        }
        raise(Kind.BREAK_GLASS_CREDENTIALS, SYSTEM, now, how);
    }

    /** A revoked break-glass writ's post-incident review is due by then; asking again keeps the first date. */
    public void requirePostIncidentReview(Instant due, Instant now) {
        if (!breakGlass()) {
            throw new IllegalStateException("writ " + id + " is not break-glass: it has no post-incident review");
        }
        if (postIncidentReview == null) {
            postIncidentReview = PostIncidentReview.dueBy(due);
            raise(Kind.POST_INCIDENT_REVIEW_OPENED, SYSTEM, now, "security reviews by " + due);
        }
    }

    /** Security's post-incident review of a break-glass writ (see {@link PostIncidentReview} for its rules). */
    public void recordPostIncidentReview(String by, String findings, Instant now) {
        if (postIncidentReview == null) {
            throw new WritStateConflict(state, "writ " + id + " awaits no post-incident review");
        }
        postIncidentReview = postIncidentReview.reviewed(this, by, findings, now);
        raise(Kind.POST_INCIDENT_REVIEWED, by, now, postIncidentReview.findings().orElseThrow());
    }

    /** Nobody reviewed the break-glass writ in time: escalated (it stays due until someone does). */
    public void postIncidentReviewOverdue(Instant now) {
        if (!awaitsPostIncidentReview()) {
            throw new WritStateConflict(state, "writ " + id + " awaits no post-incident review");
        }
        raise(Kind.POST_INCIDENT_REVIEW_OVERDUE, SYSTEM, now, "due " + postIncidentReview.due()
                + "; escalated to security's leads");
    }

    /** Once revoked, the requester (or the NHI's owner) says whether it was used as intended. */
    public void answerPostAccessReview(String by, Boolean usedAsIntended, String comment, Instant now) {
        if (!requester().equals(by) && targetOwner().filter(by::equals).isEmpty()) {
            throw new NotPermitted("only the requester of writ " + id + " (or the owner of its NHI) answers its "
                    + "post-access review");
        }
        if (postAccessReview == null) {
            throw new WritStateConflict(state, "writ " + id + " is " + state
                    + ": the post-access review is asked once its access was revoked");
        }
        postAccessReview = postAccessReview.answered(this, by, usedAsIntended, comment, now);
        raise(Kind.POST_ACCESS_REVIEWED, by, now, (usedAsIntended ? "used as intended" : "NOT used as intended")
                + postAccessReview.comment().map(c -> ": " + c).orElse(""));
    }

    /** What happened to the writ since they were last taken; each is given once. */
    public List<WritEvent> takeEvents() {
        var taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    // --- helpers ---

    /** Whether the end of access was recorded already; a conflict before the end was asked for. */
    private boolean revocationRecorded() {
        if (grant == null || grant.endRequestedAt().isEmpty()) {
            throw new WritStateConflict(state, "writ " + id + " is " + state
                    + ": a revocation is recorded only after its end was asked for");
        }
        return grant.isRevoked() || grant.keptByWrit().isPresent();
    }

    private void raise(Kind kind, String by, Instant at, String detail) {
        events.add(new WritEvent(this, kind, by, at, detail));
    }

    private void end(String by, Instant now) {
        endedAt = Objects.requireNonNull(now, "now");
        endedBy = by;
    }

    private void requireState(WritState expected, String action) {
        if (state != expected) {
            throw conflict(action, "while " + expected);
        }
    }

    private WritStateConflict conflict(String action, String when) {
        return new WritStateConflict(state, "writ " + id + " is " + state + ": it can " + action + " only " + when);
    }

    private void requireWindowOpen(Instant now) {
        if (!now.isBefore(grant.expiresAt())) {
            throw new WritStateConflict(state, "the window of writ " + id + " ended at " + grant.expiresAt());
        }
    }

    private Extension requirePendingExtension() {
        return pendingExtension().orElseThrow(() ->
                new WritStateConflict(state, "writ " + id + " has no extension awaiting a decision"));
    }
}

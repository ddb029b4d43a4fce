package io.writ.domain.writ;

import io.writ.domain.notice.Audience;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeKind;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static io.writ.domain.writ.WritWording.access;
import static io.writ.domain.writ.WritWording.accessForTarget;
import static io.writ.domain.writ.WritWording.approvalsSoFar;
import static io.writ.domain.writ.WritWording.onTicket;
import static io.writ.domain.writ.WritWording.request;
import static io.writ.domain.writ.WritWording.time;

/**
 * Who is told what about a writ, and in which words: the notice each {@link WritEvent} calls for, if any. The
 * headline says what happened; the writ's facts follow below it.
 */
public final class WritNotices {

    private WritNotices() {
    }

    /**
     * The notices an event calls for: none for most; a decision needed, an outcome, a revocation (with the
     * post-access review it opens), or the break-glass announcement.
     *
     * @param securityGroup who is told of every break-glass at once
     */
    public static List<Notice> about(WritEvent event, String securityGroup) {
        var w = event.writ();
        var at = event.at();
        return switch (event.kind()) {
            case POLICY_APPLIED -> List.of(w.state() == WritState.APPROVED ? approved(w, at) : decisionNeeded(w, at));
            case APPROVED -> w.state() == WritState.APPROVED ? List.of(approved(w, at)) : List.of();
            case REJECTED -> List.of(rejected(w, at));
            case APPROVERS_REMINDED -> List.of(reminder(w, at));
            case ESCALATED -> List.of(escalated(w, w.policy().flatMap(ApprovalPolicy::backupGroup).orElseThrow(), at));
            case EXPIRED_UNAPPROVED -> List.of(expiredUnapproved(w, at));
            case EXTENSION_REQUESTED -> List.of(extensionRequested(w, at));
            case EXTENSION_APPROVED, EXTENSION_REJECTED -> List.of(extensionDecided(w, at));
            case REVOKED -> List.of(revoked(w, at), postAccessReviewNeeded(w, at));
            case ACCESS_KEPT -> List.of(postAccessReviewNeeded(w, at));
            case BREAK_GLASS_ANNOUNCED -> List.of(breakGlass(w, securityGroup, at));
            default -> List.of();
        };
    }

    /**
     * The window of an active writ ends within the warning time: the requester is warned, once per end (an
     * approved extension moves the end, and the warning with it). Empty when no warning is due now.
     */
    public static Optional<Notice> expiringSoon(Writ w, Instant now, Duration warning) {
        var end = w.grant().filter(g -> g.endRequestedAt().isEmpty()).map(Grant::expiresAt);
        if (w.state() != WritState.ACTIVE || end.isEmpty() || !now.isBefore(end.get())
                || Duration.between(now, end.get()).compareTo(warning) > 0) {
            return Optional.empty();
        }
        var left = WritWording.minutesLeft(now, end.get());
        return Optional.of(notice(NoticeKind.EXPIRING_SOON, w, requesterOf(w),
                "Ends in " + left + ": " + accessForTarget(w),
                "The window ends " + time(end.get()) + ", in " + left + "; the entitlement is then revoked "
                        + "and the sessions logged out. If the work is not done, ask for more time in My writs.",
                now, expiryWarningKey(w.id(), end.get())));
    }

    /** The key that makes the warning for this window end unique. */
    public static String expiryWarningKey(String writId, Instant windowEnd) {
        return NoticeKind.EXPIRING_SOON.name() + ":" + writId + ":" + windowEnd;
    }

    /** The writ now awaits a decision: everyone who may decide is asked. */
    static Notice decisionNeeded(Writ w, Instant now) {
        return notice(NoticeKind.DECISION_NEEDED, w, decidersOf(w), "Decision needed: " + request(w),
                request(w) + " for " + w.requestedMinutes() + " minutes. It needs " + approvalsSoFar(w)
                        + ". Approve or reject it in your approval inbox.", now, null);
    }

    /** The writ has waited a while: those who may decide and have not are asked again. */
    static Notice reminder(Writ w, Instant now) {
        return notice(NoticeKind.DECISION_NEEDED, w, decidersOf(w), "Still waiting for a decision: " + request(w),
                "This writ has waited for a decision since " + time(w.submittedAt()) + ". It needs "
                        + approvalsSoFar(w) + ". Approve or reject it in your approval inbox.", now, null);
    }

    /** The approvers took too long: the backup group is asked as well. */
    static Notice escalated(Writ w, String backupGroup, Instant now) {
        return notice(NoticeKind.DECISION_NEEDED, w,
                Audience.groups(List.of(backupGroup), SeparationOfDuties.barredFromDeciding(w, false)),
                "Escalated to " + backupGroup + ", decision needed: " + request(w),
                "The approvers have not decided on this writ since " + time(w.submittedAt())
                        + ", so members of " + backupGroup + " may now decide on it too. It needs "
                        + approvalsSoFar(w) + ".", now, null);
    }

    /** The requester asks for more time: those who may decide on the extension are asked. */
    static Notice extensionRequested(Writ w, Instant now) {
        var extension = w.pendingExtension().orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " has no extension awaiting a decision"));
        return notice(NoticeKind.EXTENSION_REQUESTED, w,
                Audience.groups(SeparationOfDuties.groupsThatMayDecideExtension(w),
                        SeparationOfDuties.barredFromDeciding(w, true)),
                "More time asked: " + w.requester() + " asks " + extension.minutes() + " more minutes of "
                        + access(w) + " " + onTicket(w),
                w.requester() + " asks for " + extension.minutes() + " more minutes; the window now ends "
                        + time(WritWording.windowEnd(w)) + ". One approval decides it: approve or reject it "
                        + "in your approval inbox.", now, null);
    }

    /** Final approval reached (or approved at once by policy): the requester is told; the grant follows. */
    static Notice approved(Writ w, Instant now) {
        var approvers = w.approvals().stream().filter(a -> a.decision() == Decision.APPROVE)
                .map(Approval::approver).toList();
        return notice(NoticeKind.APPROVED, w, requesterOf(w), "Approved: " + accessForTarget(w),
                (approvers.isEmpty() ? "Approved at once by policy." : "Approved by " + String.join(", ", approvers)
                        + ".") + " The entitlement is being granted in Keycloak now; the " + w.requestedMinutes()
                        + "-minute window starts when it is granted.", now, null);
    }

    /** An approver said no: the requester is told who and why. */
    static Notice rejected(Writ w, Instant now) {
        return notice(NoticeKind.REJECTED, w, requesterOf(w), "Rejected: " + accessForTarget(w),
                WritWording.lastDecisionBy(w) + " rejected it: " + WritWording.lastComment(w)
                        + ". Nothing was granted.", now, null);
    }

    /** Nobody decided in time: the requester is told nothing was granted. */
    static Notice expiredUnapproved(Writ w, Instant now) {
        return notice(NoticeKind.EXPIRED_UNAPPROVED, w, requesterOf(w), "Not decided in time: " + accessForTarget(w),
                "Nobody decided before the approval deadline, so nothing was granted. Ask again if the work is "
                        + "still to be done.", now, null);
    }

    /** The latest extension was decided: the requester is told the outcome and when the window ends. */
    static Notice extensionDecided(Writ w, Instant now) {
        var extension = w.extension().filter(e -> !e.isPending()).orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " has no decided extension"));
        var by = extension.decidedBy().orElse("?");
        var end = time(WritWording.windowEnd(w));
        if (extension.state() == ExtensionState.APPROVED) {
            return notice(NoticeKind.EXTENSION_APPROVED, w, requesterOf(w),
                    "More time approved: " + access(w) + " for " + w.target() + " now ends " + end,
                    by + " approved " + extension.minutes() + " more minutes: the window now ends " + end + ".",
                    now, null);
        }
        return notice(NoticeKind.EXTENSION_REJECTED, w, requesterOf(w), "More time refused: " + accessForTarget(w),
                by + " refused " + extension.minutes() + " more minutes: " + extension.comment().orElse("")
                        + ". The window still ends " + end + ".", now, null);
    }

    /** The entitlement was removed and read back absent: the requester is told, with the reason. */
    static Notice revoked(Writ w, Instant now) {
        var grant = w.grant().filter(g -> g.confirmedAbsentAt().isPresent()).orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " is not revoked"));
        var reason = WritWording.reason(w, grant.revocationReason().orElseThrow());
        return notice(NoticeKind.REVOKED, w, requesterOf(w), "Revoked: " + accessForTarget(w) + " (" + reason + ")",
                w.entitlement() + " was removed from " + w.target() + " in Keycloak at "
                        + time(grant.confirmedAbsentAt().orElseThrow()) + " (read back absent); the Keycloak "
                        + "sessions were logged out. Reason: " + reason + ". " + WritWording.tokenResidue(grant),
                now, null);
    }

    /** The access is gone: the requester (and the NHI's owner) is asked whether it was used as intended. */
    static Notice postAccessReviewNeeded(Writ w, Instant now) {
        if (!w.awaitsPostAccessReview()) {
            throw new IllegalStateException("writ " + w.id() + " awaits no post-access review");
        }
        return notice(NoticeKind.POST_ACCESS_REVIEW_NEEDED, w, requesterOf(w),
                "Was it used as intended? " + accessForTarget(w),
                "The writ has ended and its access was revoked. Say on your My writs page (or POST "
                        + "/api/v1/requests/" + w.id() + "/post-access-review) whether it was used as intended; "
                        + "your answer is evidence in the next access review of " + w.entitlement() + ".",
                now, null);
    }

    /**
     * The glass was broken: security and the approvers whose approval was skipped are told at once, with the reason
     * given; never the person who broke it nor the identity that received the access.
     */
    static Notice breakGlass(Writ w, String securityGroup, Instant now) {
        var grant = w.grant().orElseThrow(() -> new IllegalStateException("writ " + w.id() + " is not granted"));
        var groups = new LinkedHashSet<String>();
        groups.add(securityGroup);
        w.policy().ifPresent(p -> groups.add(p.approverGroup()));
        return notice(NoticeKind.BREAK_GLASS, w, Audience.groups(groups, List.of(w.requester(), w.target())),
                "Break-glass: " + w.requester() + " took " + accessForTarget(w) + " without approval",
                w.requester() + " broke the glass: " + w.entitlement() + " was granted to " + w.target() + " at "
                        + time(grant.grantedAt()) + " until " + time(grant.expiresAt())
                        + " without approval. Reason given: " + w.justification() + ". Security reviews it "
                        + "afterwards; its sessions are watched.", now, null);
    }

    /**
     * The people a writ's outcome is told to: its requester and, when the target is a non-human identity, the
     * person accountable for it (who may not be the one who asked: an NHI asks for itself).
     */
    private static Audience requesterOf(Writ w) {
        var people = new LinkedHashSet<String>();
        people.add(w.requester());
        w.targetOwner().ifPresent(people::add);
        return Audience.people(people);
    }

    /** The people who may decide on the writ now: its deciding groups, less anyone barred from deciding. */
    private static Audience decidersOf(Writ w) {
        return Audience.groups(SeparationOfDuties.groupsThatMayDecide(w), SeparationOfDuties.barredFromDeciding(w, false));
    }

    private static Notice notice(NoticeKind kind, Writ w, Audience audience, String subject, String headline,
                                 Instant now, String onceKey) {
        return Notice.aboutWrit(kind, w.id(), audience, subject, headline + "\n\n" + WritWording.facts(w), now,
                onceKey);
    }
}

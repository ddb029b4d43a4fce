package io.writ.domain.notice;

import java.util.Locale;

/** What a notice is about. Approvers are asked to decide; requesters (and owners of NHI targets) are told. */
public enum NoticeKind {
    /** A writ awaits a decision: on submission, on a reminder, or handed to the backup group. To the deciders. */
    DECISION_NEEDED(true),
    /** The requester asks for more time on an active writ. To the deciders of extensions. */
    EXTENSION_REQUESTED(true),
    /** Final approval reached (or approved at once); the grant follows. To the requester. */
    APPROVED(false),
    /** An approver said no, with a reason. To the requester. */
    REJECTED(false),
    /** Nobody decided before the approval deadline. To the requester. */
    EXPIRED_UNAPPROVED(false),
    /** More time was granted; the window ends later. To the requester. */
    EXTENSION_APPROVED(false),
    /** More time was refused; the original end stands. To the requester. */
    EXTENSION_REJECTED(false),
    /** The window ends within minutes. To the requester. */
    EXPIRING_SOON(false),
    /** The entitlement was removed and read back absent, with the reason. To the requester. */
    REVOKED(false),
    /**
     * The writ ended and its access is gone: did it serve the task it was asked for? To the requester (and the
     * NHI's owner); the answer is evidence in the next access review.
     */
    POST_ACCESS_REVIEW_NEEDED(false),
    /** An access review campaign put items before the reviewer, or reminds them of the ones still undecided. */
    REVIEW_NEEDED(false),
    /**
     * Review items were not decided by the campaign's deadline and their entitlement fails open: kept, overdue.
     * To the reviewer and the fallback reviewer they are escalated to.
     */
    REVIEW_OVERDUE(false),
    /** The glass was broken: access granted at once without approval. To security and the skipped approvers. */
    BREAK_GLASS(false);

    private final boolean asksForDecision;

    NoticeKind(boolean asksForDecision) {
        this.asksForDecision = asksForDecision;
    }

    /** Whether the people told are asked to decide (they act in the approval inbox) rather than informed. */
    public boolean asksForDecision() {
        return asksForDecision;
    }

    /**
     * Whether the writ's ticket gets it as a comment (when the ticket system takes comments): what was decided and
     * when the access ended, not the reminders and warnings.
     */
    public boolean commentsOnTicket() {
        return this == APPROVED || this == REJECTED || this == EXPIRED_UNAPPROVED || this == EXTENSION_APPROVED
                || this == REVOKED;
    }

    /** Whether it is about an access review campaign (acted on in the reviews page) rather than a writ. */
    public boolean aboutReview() {
        return this == REVIEW_NEEDED || this == REVIEW_OVERDUE;
    }

    /** The event's name outside the portal (the webhook's {@code event}), for example {@code writ.decision-needed}. */
    public String eventName() {
        return "writ." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

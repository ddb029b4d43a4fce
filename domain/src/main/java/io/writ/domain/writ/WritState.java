package io.writ.domain.writ;

/**
 * Where a writ is in its life: {@code SUBMITTED → PENDING_APPROVAL → APPROVED → ACTIVE → ENDED}, or one of the
 * other endings. A final state never changes again.
 */
public enum WritState {
    /** Asked for; the approval policy has not been applied yet. */
    SUBMITTED(false),
    /** Waiting for approvers. */
    PENDING_APPROVAL(false),
    /** Approved (or auto-approved); the entitlement is being granted. */
    APPROVED(false),
    /** The entitlement is granted and the window is running. */
    ACTIVE(false),
    /** The window is over (expired, ended early, ticket closed, revoked); revocation follows or has happened. */
    ENDED(true),
    /** An approver said no. */
    REJECTED(true),
    /** Nobody decided before the approval deadline. */
    EXPIRED_UNAPPROVED(true),
    /** The requester withdrew it before it was granted. */
    CANCELLED(true),
    /** Ended by security containment after an alert. */
    CONTAINED(true);

    private final boolean isFinal;

    WritState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }
}

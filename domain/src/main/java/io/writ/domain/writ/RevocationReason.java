package io.writ.domain.writ;

/** Why a grant was taken away. */
public enum RevocationReason {
    /** The approved window ran out. */
    WINDOW_ENDED,
    /** The requester said the task is done. */
    ENDED_BY_REQUESTER,
    /** The ticket that justified the writ was closed. */
    TICKET_CLOSED,
    /** Security contained the identity after an alert. */
    CONTAINMENT,
    /** An access review decided the access should not persist. */
    REVIEW_REVOKED,
    /** An administrator ended it by hand. */
    MANUAL
}

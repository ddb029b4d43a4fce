package io.writ.domain.review;

/** Where a review item stands. */
public enum ReviewItemState {
    /** Awaiting its reviewer's decision. */
    OPEN,
    /** The reviewer decided. */
    DECIDED,
    /** Nobody decided by the deadline and the entitlement fails closed: the access was revoked. */
    REVOKED_AT_DEADLINE,
    /** Nobody decided by the deadline and the entitlement fails open: kept, escalated, still to be decided. */
    OVERDUE
}

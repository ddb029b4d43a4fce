package io.writ.domain.review;

/** What a review item is about. */
public enum ReviewItemKind {
    /** An identity holds a catalogue entitlement directly, not through a writ. */
    STANDING_ASSIGNMENT,
    /** A non-human identity's credential (its client secret) and the access that comes with it. */
    NHI_CREDENTIAL
}

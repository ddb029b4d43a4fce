package io.writ.domain.review;

/** What a reviewer decides about a standing assignment or an NHI credential. */
public enum ReviewDecision {
    /** The access stays; the reviewer says why. */
    KEEP,
    /** The access is removed in the identity provider and read back absent (for a credential: its secret replaced). */
    REVOKE,
    /** The standing assignment is removed; from now on the identity asks for a writ when it needs the access. */
    CONVERT_TO_JIT
}

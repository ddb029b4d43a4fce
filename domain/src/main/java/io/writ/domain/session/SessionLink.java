package io.writ.domain.session;

/** Whether a writ covered the identity when the session began. */
public enum SessionLink {
    /** A writ for this identity was active when the session began. */
    LINKED,
    /** A privileged identity acted with no active writ. */
    UNLINKED
}

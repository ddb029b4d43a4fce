package io.writ.domain.alert;

/** The detection rules; each raises an alert with its evidence. */
public enum AlertRule {
    /** The identity acted after its writ's grant had ended. */
    ACTIVITY_AFTER_GRANT_ENDED,
    /** A privileged session that no writ covered. */
    UNLINKED_PRIVILEGED_SESSION,
    /** A command outside the writ's declared command patterns. */
    OUT_OF_SCOPE_COMMAND,
    /** A target system outside the writ's declared target patterns. */
    OUT_OF_SCOPE_TARGET,
    /** A file sent to a destination the writ does not allow. */
    DISALLOWED_FILE_TRANSFER,
    /** A break-glass writ was used: always triaged. */
    BREAK_GLASS_USE,
    /** A person used a non-human identity's credentials (an interactive session of a service account). */
    HUMAN_USE_OF_NHI,
    /**
     * The entitlement of a writ was given to its identity again in the identity provider, by no writ, during or
     * after the writ: standing privilege appearing behind Writ's back (seen in the provider's own records).
     */
    STANDING_PRIVILEGE_APPEARED
}

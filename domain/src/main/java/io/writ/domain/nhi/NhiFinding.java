package io.writ.domain.nhi;

/** What is wrong with a non-human identity. */
public enum NhiFinding {
    /** Nobody is accountable for it. */
    NO_OWNER,
    /** Its owner is disabled or no longer exists: nobody is accountable in practice. */
    OWNER_DISABLED,
    /** It holds a privileged entitlement standing, instead of asking for a writ when it needs one. */
    STANDING_PRIVILEGED_ROLE,
    /** Its secret is older than the rotation policy allows (or its age is unknown). */
    SECRET_OLDER_THAN_POLICY
}

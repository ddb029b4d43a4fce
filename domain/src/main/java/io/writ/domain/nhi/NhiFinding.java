package io.writ.domain.nhi;

/** What is wrong with a non-human identity. */
public enum NhiFinding {
    /** Nobody is accountable for it. */
    NO_OWNER,
    /** Its owner is disabled or no longer exists: nobody is accountable in practice. */
    OWNER_DISABLED,
    /** It holds a privileged entitlement standing, instead of asking for a writ when it needs one. */
    STANDING_PRIVILEGED_ROLE,
    /** Its secret is older than the rotation policy allows. */
    SECRET_OLDER_THAN_POLICY,
    /** Nobody can say how old its secret is (the identity provider does not record it, or not readably). */
    SECRET_AGE_UNKNOWN;

    /** Whether the secret is due for rotation: older than policy, or of an age nobody can vouch for. */
    public boolean asksForRotation() {
        return this == SECRET_OLDER_THAN_POLICY || this == SECRET_AGE_UNKNOWN;
    }
}

package io.writ.domain.entitlement;

/**
 * How much of a privileged session is kept as evidence: every event (FULL), or counts and a digest of the events
 * (LIGHT), so there is evidence without storing everything.
 */
public enum SessionCoverage {
    FULL, LIGHT;

    /** The coverage an entitlement gets unless its administrator says otherwise: the riskier, the fuller. */
    public static SessionCoverage defaultFor(RiskTier tier) {
        return tier == RiskTier.HIGH || tier == RiskTier.CRITICAL ? FULL : LIGHT;
    }
}

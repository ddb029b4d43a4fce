package io.writ.domain.entitlement;

/** What happens to a standing assignment that nobody reviewed by the campaign's deadline. */
public enum ReviewFailureMode {
    /** Unreviewed standing access is revoked: for the entitlements whose misuse costs most. */
    FAIL_CLOSED,
    /** Unreviewed standing access stays, marked overdue and escalated: availability before tidiness. */
    FAIL_OPEN;

    /** HIGH and CRITICAL entitlements fail closed; the others fail open. */
    public static ReviewFailureMode defaultFor(RiskTier tier) {
        return tier == RiskTier.HIGH || tier == RiskTier.CRITICAL ? FAIL_CLOSED : FAIL_OPEN;
    }
}

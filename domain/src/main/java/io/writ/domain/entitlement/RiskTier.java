package io.writ.domain.entitlement;

/** How much harm the entitlement can do; the tier drives approvals, window caps and session coverage. */
public enum RiskTier {
    LOW, MEDIUM, HIGH, CRITICAL
}

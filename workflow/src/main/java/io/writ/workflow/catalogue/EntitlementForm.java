package io.writ.workflow.catalogue;

/**
 * An entitlement as an administrator describes it; enum values as text so that bad ones get a field error.
 * {@code coverage} (FULL or LIGHT) may be left out: HIGH and CRITICAL entitlements are then covered in full.
 * {@code reviewFailureMode} (FAIL_CLOSED or FAIL_OPEN) may be left out: HIGH and CRITICAL entitlements then fail
 * closed. {@code stepUpMinutes} (how old a sign-in with a second factor may be to ask for it and decide on it; 0 for
 * none) may be left out: a new CRITICAL entitlement then asks for 15 minutes, and a revision keeps what was set.
 */
public record EntitlementForm(String name, String kind, String clientId, String riskTier, Integer maxMinutes,
                              Integer approvalsRequired, String approverGroup, Integer reviewCadenceDays,
                              String owner, String coverage, String reviewFailureMode, Integer stepUpMinutes) {
}

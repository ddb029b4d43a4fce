package io.writ.workflow.catalogue;

/**
 * An entitlement as an administrator describes it; enum values as text so that bad ones get a field error.
 * {@code coverage} (FULL or LIGHT) may be left out: HIGH and CRITICAL entitlements are then covered in full.
 * {@code reviewFailureMode} (FAIL_CLOSED or FAIL_OPEN) may be left out: HIGH and CRITICAL entitlements then fail
 * closed.
 */
public record EntitlementForm(String name, String kind, String clientId, String riskTier, Integer maxMinutes,
                              Integer approvalsRequired, String approverGroup, Integer reviewCadenceDays,
                              String owner, String coverage, String reviewFailureMode) {
}

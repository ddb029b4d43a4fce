package io.writ.workflow.catalogue;

/** An entitlement as an administrator describes it; enum values as text so that bad ones get a field error. */
public record EntitlementForm(String name, String kind, String clientId, String riskTier, Integer maxMinutes,
                              Integer approvalsRequired, String approverGroup, Integer reviewCadenceDays,
                              String owner) {
}

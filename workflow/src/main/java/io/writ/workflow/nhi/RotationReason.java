package io.writ.workflow.nhi;

/** Why an NHI's secret is rotated. */
public enum RotationReason {
    ON_DEMAND, POLICY, BREAK_GLASS, CONTAINMENT, REVIEW_REVOKED
}

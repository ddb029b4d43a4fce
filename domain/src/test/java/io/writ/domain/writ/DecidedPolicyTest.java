package io.writ.domain.writ;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecidedPolicyTest {

    private static final Entitlement PROD_DB = new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null,
            RiskTier.HIGH, 240, 3, "dba-approvers", 90, "carol");

    @Test
    void theEntitlementCanOnlyMakeTheDecisionStricter() {
        var policy = ApprovalPolicy.decided(PROD_DB, 2, 480, false, false, "security");

        assertThat(policy.approvalsRequired()).as("the entitlement asks for more than the floor").isEqualTo(3);
        assertThat(policy.maxMinutes()).as("the entitlement's window is shorter than the cap").isEqualTo(240);
        assertThat(policy.approverGroup()).isEqualTo("dba-approvers");
    }

    @Test
    void theDecisionsCapShortensALongerWindowAndItsFloorRaisesFewerApprovals() {
        var policy = ApprovalPolicy.decided(PROD_DB, 4, 60, false, false, "security");

        assertThat(policy.approvalsRequired()).isEqualTo(4);
        assertThat(policy.maxMinutes()).isEqualTo(60);
    }

    @Test
    void aSponsorComesFromTheSponsorGroupAndIsNeverAutoApproved() {
        var policy = ApprovalPolicy.decided(PROD_DB, 1, 60, true, true, "security");

        assertThat(policy.sponsorRequired()).isTrue();
        assertThat(policy.sponsorGroup()).isEqualTo("security");
        assertThat(policy.autoApprove()).isFalse();
    }
}

package io.writ.domain.entitlement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntitlementTest {

    @Test
    void carriesItsPolicy() {
        var e = new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null, RiskTier.HIGH, 240, 2,
                "approver", 90, "carol");
        assertThat(e.riskTier()).isEqualTo(RiskTier.HIGH);
        assertThat(e.approvalsRequired()).isEqualTo(2);
        assertThat(e.maxMinutes()).isEqualTo(240);
    }

    @Test
    void refusesAWindowOrApprovalCountBelowOne() {
        assertThatThrownBy(() -> new Entitlement("x", EntitlementKind.REALM_ROLE, null, RiskTier.LOW, 0, 1,
                "approver", 90, "carol")).hasMessageContaining("maxMinutes");
        assertThatThrownBy(() -> new Entitlement("x", EntitlementKind.REALM_ROLE, null, RiskTier.LOW, 60, 0,
                "approver", 90, "carol")).hasMessageContaining("approvalsRequired");
    }

    @Test
    void reportsEveryPolicyProblemAtOnce() {
        var e = new Entitlement("billing-read", EntitlementKind.REALM_ROLE, null, RiskTier.LOW, 60, 1,
                "approver", 90, "bob");

        assertThatThrownBy(() -> e.revise(null, 0, 0, " ", 0, null))
                .isInstanceOfSatisfying(io.writ.domain.InvalidRequest.class, invalid -> assertThat(invalid.errors())
                        .extracting(io.writ.domain.FieldError::field)
                        .containsExactlyInAnyOrder("riskTier", "maxMinutes", "approvalsRequired", "approverGroup",
                                "reviewCadenceDays", "owner"));
        assertThat(e.maxMinutes()).as("nothing changed").isEqualTo(60);
    }

    @Test
    void aClientRoleNamesItsClient() {
        assertThatThrownBy(() -> new Entitlement("deploy", EntitlementKind.CLIENT_ROLE, null, RiskTier.MEDIUM, 60, 1,
                "approver", 90, "carol")).hasMessageContaining("clientId");
    }
}

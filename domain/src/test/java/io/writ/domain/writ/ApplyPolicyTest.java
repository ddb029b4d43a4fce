package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplyPolicyTest {

    @Test
    void thePolicyPutsTheWritBeforeItsApprovers() {
        var w = ask().submit();

        w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), at(1));

        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(w.policy()).contains(ApprovalPolicy.approvals(2, "approver", 240));
        assertThat(w.decidedAt()).isEmpty();
    }

    @Test
    void anAutoApprovingPolicyApprovesAtOnce() {
        var w = ask().submit();

        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 120), at(1));

        assertThat(w.state()).isEqualTo(WritState.APPROVED);
        assertThat(w.decidedAt()).contains(at(1));
        assertThat(w.approvalsSoFar()).isZero();
    }

    @Test
    void aWindowLongerThanThePolicyAllowsIsRefusedNamingTheCap() {
        var w = ask().minutes(200).submit(); // within the entitlement's 240, over the decided policy's 120

        assertThatThrownBy(() -> w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 120), T0))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("durationMinutes"))
                .hasMessageContaining("120");
        assertThat(w.state()).isEqualTo(WritState.SUBMITTED);
    }

    @Test
    void aThirdPartyWritNeedsAPolicyWithASponsor() {
        var w = ask().thirdParty().submit();

        assertThatThrownBy(() -> w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 60), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.state()).isEqualTo(WritState.SUBMITTED);
    }

    @Test
    void aPolicyThatNeedsASponsorCannotAutoApprove() {
        assertThatThrownBy(() -> new ApprovalPolicy(0, "approver", 60, true, true, "sponsor"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePolicyIsAppliedOnce() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0))
                .isInstanceOf(WritStateConflict.class);
    }
}

package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.ALICE_AS_APPROVER;
import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.FRANK;
import static io.writ.domain.writ.Writs.NHI;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeparationOfDutiesTest {

    private static Writ pendingFor(Writs.Ask ask) {
        var w = ask.submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        return w;
    }

    @Test
    void nobodyApprovesTheirOwnWrit() {
        var w = pendingFor(ask().by("frank"));

        assertThatThrownBy(() -> w.approve(FRANK, "looks fine", at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("you asked for");
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(w.approvals()).isEmpty();
    }

    @Test
    void theOwnerOfANonHumanIdentityCannotApproveItsWrit() {
        var w = pendingFor(ask().by(NHI).forNhi(NHI, "alice"));

        assertThatThrownBy(() -> w.approve(ALICE_AS_APPROVER, null, at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("you own " + NHI);
    }

    @Test
    void theIdentityThatWouldReceiveTheEntitlementCannotApprove() {
        var w = pendingFor(ask().forNhi(NHI, "alice"));

        assertThatThrownBy(() -> w.approve(Approver.of(NHI, "approver"), null, at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("would give you the entitlement");
    }

    @Test
    void someoneOutsideTheApproverGroupCannotApprove() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.approve(DAVE, null, at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("not in the approver group 'approver'");
    }

    @Test
    void theSameApproverTwiceCountsOnce() {
        var w = Writs.pending(2);
        w.approve(BOB, null, at(1));
        w.takeEvents();

        assertThat(w.approve(BOB, "again", at(2))).as("the same approval again: a repeat, not a second seat")
                .isFalse();
        assertThat(w.approvalsSoFar()).isEqualTo(1);
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(w.takeEvents()).as("nothing happened").isEmpty();
    }

    @Test
    void whoApprovedMayNotThenRejectNorTheOtherWayRound() {
        var w = Writs.pending(2);
        w.approve(BOB, null, at(1));

        assertThatThrownBy(() -> w.reject(BOB, "changed my mind", at(2)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("already decided");
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
    }

    @Test
    void rejectingIsSubjectToTheSameRules() {
        var own = pendingFor(ask().by("frank"));
        assertThatThrownBy(() -> own.reject(FRANK, "changed my mind", at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class);

        var other = Writs.pending(1);
        assertThatThrownBy(() -> other.reject(DAVE, "no", at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThat(other.state()).isEqualTo(WritState.PENDING_APPROVAL);
    }

    @Test
    void aSeparationOfDutiesRefusalComesBeforeAMissingComment() {
        var w = pendingFor(ask().by("frank"));

        assertThatThrownBy(() -> w.reject(FRANK, null, at(1))).isNotInstanceOf(InvalidRequest.class)
                .isInstanceOf(SeparationOfDutiesViolation.class);
    }

    @Test
    void aWritAwaitsADecisionOnlyFromThoseWhoMayStillMakeIt() {
        var w = pendingFor(ask().by("frank"));
        assertThat(w.awaitsDecisionFrom(BOB)).isTrue();
        assertThat(w.awaitsDecisionFrom(CAROL)).isTrue();
        assertThat(w.awaitsDecisionFrom(FRANK)).as("the requester").isFalse();
        assertThat(w.awaitsDecisionFrom(DAVE)).as("outside the approver group").isFalse();

        w.approve(BOB, null, at(1));

        assertThat(w.awaitsDecisionFrom(BOB)).as("decided already, and the writ is approved").isFalse();
        assertThat(w.awaitsDecisionFrom(CAROL)).as("the writ no longer awaits anyone").isFalse();
    }

    @Test
    void aWritAwaitsNoFurtherDecisionFromSomeoneWhoAlreadyMadeOne() {
        var w = Writs.pending(2);
        w.approve(BOB, null, at(1));

        assertThat(w.awaitsDecisionFrom(BOB)).isFalse();
        assertThat(w.awaitsDecisionFrom(CAROL)).isTrue();
    }
}

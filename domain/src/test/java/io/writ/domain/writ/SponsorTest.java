package io.writ.domain.writ;

import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.SAM_SPONSOR;
import static io.writ.domain.writ.Writs.SUE_SPONSOR;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.XENA_BOTH;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A third-party administrator's writ needs a sponsor in addition to the entitlement's approvers. */
class SponsorTest {

    private static Writ thirdParty(int approvalsRequired) {
        var w = Writs.ask().thirdParty().submit();
        w.applyPolicy(ApprovalPolicy.withSponsor(approvalsRequired, "approver", 60, "sponsor"), T0);
        return w;
    }

    @Test
    void approversAloneDoNotApproveAThirdPartyWrit() {
        var w = thirdParty(1);

        assertThat(w.approve(BOB, null, at(1))).isFalse();
        assertThat(w.approve(CAROL, null, at(2))).isFalse();
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
    }

    @Test
    void theSponsorAndTheApproversTogetherApproveIt() {
        var w = thirdParty(1);

        assertThat(w.approve(SAM_SPONSOR, "I vouch for this contractor", at(1))).isFalse();
        assertThat(w.approve(BOB, null, at(2))).isTrue();
        assertThat(w.state()).isEqualTo(WritState.APPROVED);
    }

    @Test
    void aSponsorDoesNotCountTowardTheApprovers() {
        var w = thirdParty(2);
        w.approve(SAM_SPONSOR, null, at(1));

        assertThat(w.approve(BOB, null, at(2))).isFalse();
        assertThat(w.approve(CAROL, null, at(3))).isTrue();
    }

    @Test
    void aPersonInBothGroupsFillsOneSeatNotTwo() {
        var w = thirdParty(1);

        assertThat(w.approve(XENA_BOTH, null, at(1))).as("one person cannot be sponsor and approver").isFalse();
        assertThat(w.approve(BOB, null, at(2))).as("xena sponsors, bob approves").isTrue();
    }

    @Test
    void aPersonInBothGroupsCanBeTheApproverBesideASponsorOnlyPerson() {
        var w = thirdParty(1);
        w.approve(XENA_BOTH, null, at(1));

        assertThat(w.approve(SAM_SPONSOR, null, at(2))).as("sam sponsors, xena approves").isTrue();
    }

    @Test
    void aSponsorOutsideTheApproverGroupMayDecideOnlyWhileTheSponsorSeatIsOpen() {
        var w = thirdParty(1);
        assertThat(w.awaitsDecisionFrom(SUE_SPONSOR)).isTrue();
        w.approve(SAM_SPONSOR, null, at(1));

        assertThat(w.awaitsDecisionFrom(SUE_SPONSOR)).isFalse();
        assertThatThrownBy(() -> w.approve(SUE_SPONSOR, null, at(2)))
                .isInstanceOf(SeparationOfDutiesViolation.class)
                .hasMessageContaining("not in the approver group");
    }

    @Test
    void aSponsorGroupMeansNothingOnAWritThatNeedsNoSponsor() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.approve(SAM_SPONSOR, null, at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
    }

    @Test
    void aSponsorMayRejectAThirdPartyWrit() {
        var w = thirdParty(1);

        w.reject(SAM_SPONSOR, "not our contractor", at(1));

        assertThat(w.state()).isEqualTo(WritState.REJECTED);
    }
}

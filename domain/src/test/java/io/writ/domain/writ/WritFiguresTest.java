package io.writ.domain.writ;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.writ.domain.writ.RevocationReason.ENDED_BY_REQUESTER;
import static io.writ.domain.writ.RevocationReason.WINDOW_ENDED;
import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;

/** What a writ says about itself for the dashboards: how long approval took, what it waits for, revocation lag. */
class WritFiguresTest {

    @Test
    void timeToApproveRunsFromSubmissionToTheApprovalThatCompletedIt() {
        var w = Writs.pending(2);
        w.approve(BOB, null, at(7));
        assertThat(w.timeToApprove()).as("not approved yet").isEmpty();

        w.approve(CAROL, null, at(25));

        assertThat(w.timeToApprove()).contains(Duration.ofMinutes(25));
    }

    @Test
    void aWritApprovedAtOnceOrRefusedHasNoTimeToApprove() {
        var atOnce = Writs.ask().submit();
        atOnce.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), T0);
        var refused = Writs.pending(1);
        refused.reject(BOB, "not on the change plan", at(3));

        assertThat(atOnce.timeToApprove()).isEmpty();
        assertThat(refused.timeToApprove()).isEmpty();
    }

    @Test
    void aPendingWritWaitsSinceItsLatestApprovalOnItsGroups() {
        var w = Writs.pending(2);
        assertThat(w.awaitingDecisionSince()).contains(T0);
        assertThat(w.awaitedGroups()).containsExactly("approver");

        w.approve(BOB, null, at(9));
        w.escalateTo("security", at(120));

        assertThat(w.awaitingDecisionSince()).contains(at(9));
        assertThat(w.awaitedGroups()).containsExactly("approver", "security");

        w.approve(CAROL, null, at(12));
        assertThat(w.awaitingDecisionSince()).as("approved: waits for nobody").isEmpty();
        assertThat(w.awaitedGroups()).isEmpty();
    }

    @Test
    void aSponsoredWritAlsoWaitsOnTheSponsors() {
        var w = Writs.ask().submit();
        w.applyPolicy(ApprovalPolicy.withSponsor(1, "approver", 60, "sponsor"), T0);

        assertThat(w.awaitedGroups()).containsExactly("approver", "sponsor");
    }

    @Test
    void revocationLagRunsFromTheWindowsEndToTheReadBackOfAbsence() {
        var w = Writs.active(); // window from minute 10 to 70
        w.requestEnd(WINDOW_ENDED, "system", at(70).plusSeconds(2));
        assertThat(w.grant().orElseThrow().revocationLag()).as("not read back yet").isEmpty();

        w.recordRevocation(new Revocation(at(70).plusSeconds(5), at(70).plusSeconds(5), at(70).plusSeconds(6), 0,
                null, null));

        var grant = w.grant().orElseThrow();
        assertThat(grant.windowEnd()).as("the scheduled end, not when the timer fired").isEqualTo(at(70));
        assertThat(grant.revocationLag()).contains(Duration.ofSeconds(5));
    }

    @Test
    void anEarlyEndCountsFromWhenItWasAskedFor() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));
        w.recordRevocation(new Revocation(at(30).plusSeconds(3), at(30).plusSeconds(3), at(30).plusSeconds(4), 0,
                null, null));

        assertThat(w.grant().orElseThrow().windowEnd()).isEqualTo(at(30));
        assertThat(w.grant().orElseThrow().revocationLag()).contains(Duration.ofSeconds(3));
    }
}

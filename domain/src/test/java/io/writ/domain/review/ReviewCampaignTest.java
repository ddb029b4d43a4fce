package io.writ.domain.review;

import io.writ.domain.Conflict;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.ReviewFailureMode;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.writ.SeparationOfDutiesViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Review items and campaigns: who reviews, how decisions are taken, and what a missed deadline does. */
class ReviewCampaignTest {

    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
    private static final Instant DEADLINE = T0.plus(Duration.ofDays(14));
    private static final Entitlement PROD_DB = entitlement("prod-db-admin", RiskTier.HIGH, "carol");
    private static final Entitlement BILLING = entitlement("billing-read", RiskTier.LOW, "bob");

    @Test
    void highAndCriticalEntitlementsFailClosedTheOthersOpenAndAnAdministratorMayChangeIt() {
        assertThat(PROD_DB.reviewFailureMode()).isEqualTo(ReviewFailureMode.FAIL_CLOSED);
        assertThat(entitlement("k8s", RiskTier.CRITICAL, "carol").reviewFailureMode())
                .isEqualTo(ReviewFailureMode.FAIL_CLOSED);
        assertThat(BILLING.reviewFailureMode()).isEqualTo(ReviewFailureMode.FAIL_OPEN);

        var payments = entitlement("payments-operator", RiskTier.MEDIUM, "bob");
        payments.failReviewsBy(ReviewFailureMode.FAIL_CLOSED);
        assertThat(payments.reviewFailureMode()).isEqualTo(ReviewFailureMode.FAIL_CLOSED);
        assertThatThrownBy(() -> payments.failReviewsBy(null)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("reviewFailureMode");
    }

    @Test
    void theEntitlementsOwnerReviewsAStandingAssignmentAndTheNhisOwnerItsCredential() {
        var assignment = ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin");
        var credential = ReviewItem.nhiCredential("ci-deployer", "service-account-ci-deployer", "alice", unused(),
                "admin");

        assertThat(assignment.reviewer()).isEqualTo("carol");
        assertThat(assignment.failureMode()).isEqualTo(ReviewFailureMode.FAIL_CLOSED);
        assertThat(credential.reviewer()).isEqualTo("alice");
        assertThat(credential.kind()).isEqualTo(ReviewItemKind.NHI_CREDENTIAL);
        assertThat(credential.failureMode()).as("a credential fails open").isEqualTo(ReviewFailureMode.FAIL_OPEN);
    }

    @Test
    void nobodyReviewsTheirOwnAssignmentAndAnUnownedNhiGoesToTheFallbackReviewer() {
        var ownersOwn = ReviewItem.standingAssignment("carol", PROD_DB, unused(), "admin");
        var unowned = ReviewItem.nhiCredential("orphan", "service-account-orphan", null, unused(), "admin");

        assertThat(ownersOwn.reviewer()).isEqualTo("admin");
        assertThat(unowned.reviewer()).isEqualTo("admin");
        assertThatThrownBy(() -> ownersOwn.decide("carol", ReviewDecision.KEEP, "mine", T0))
                .isInstanceOf(NotPermitted.class);
    }

    @Test
    void theFallbackReviewerHoldingTheAccessMayNotDecideIt() {
        var item = ReviewItem.standingAssignment("admin", PROD_DB, unused(), "admin"); // carol is no holder here
        var own = ReviewItem.standingAssignment("admin", entitlement("x", RiskTier.LOW, "admin"), unused(), "admin");

        assertThat(item.reviewer()).isEqualTo("carol");
        assertThatThrownBy(() -> own.decide("admin", ReviewDecision.KEEP, "I need it", T0))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThat(own.awaitsDecision()).isTrue();
    }

    @Test
    void onlyTheItemsReviewerDecides() {
        var item = ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin");

        assertThatThrownBy(() -> item.decide("bob", ReviewDecision.REVOKE, null, T0))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("carol");
        assertThat(item.state()).isEqualTo(ReviewItemState.OPEN);
    }

    @Test
    void keepingNeedsAReasonRevokingDoesNot() {
        var item = ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin");

        assertThatThrownBy(() -> item.decide("carol", ReviewDecision.KEEP, "  ", T0))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> item.decide("carol", null, "x", T0))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("decision");
        assertThat(item.awaitsDecision()).isTrue();

        item.decide("carol", ReviewDecision.REVOKE, null, T0);

        assertThat(item.state()).isEqualTo(ReviewItemState.DECIDED);
        assertThat(item.decision()).contains(ReviewDecision.REVOKE);
        assertThat(item.decidedBy()).contains("carol");
    }

    @Test
    void anItemIsDecidedOnce() {
        var item = ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin");
        item.decide("carol", ReviewDecision.KEEP, "on-call DBA for the quarter", T0);

        assertThatThrownBy(() -> item.decide("carol", ReviewDecision.REVOKE, null, T0))
                .isInstanceOf(Conflict.class);
        assertThat(item.decision()).contains(ReviewDecision.KEEP);
        assertThat(item.reason()).contains("on-call DBA for the quarter");
    }

    @Test
    void atTheDeadlineFailClosedItemsAreRevokedFailOpenOnesOverdueAndDecidedOnesLeftAlone() {
        var closed = ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin");
        var open = ReviewItem.standingAssignment("tina", BILLING, unused(), "admin");
        var decided = ReviewItem.standingAssignment("uma", PROD_DB, unused(), "admin");
        var campaign = ReviewCampaign.open(List.of(), List.of("prod-db-admin", "billing-read"),
                List.of(closed, open, decided), "erin", T0, DEADLINE);
        decided.decide("carol", ReviewDecision.KEEP, "needed", T0.plusSeconds(60));

        assertThatThrownBy(() -> campaign.closeAtDeadline(DEADLINE.minusSeconds(1))).isInstanceOf(Conflict.class);
        var revoke = campaign.closeAtDeadline(DEADLINE);

        assertThat(revoke).containsExactly(closed);
        assertThat(closed.state()).isEqualTo(ReviewItemState.REVOKED_AT_DEADLINE);
        assertThat(closed.decision()).contains(ReviewDecision.REVOKE);
        assertThat(open.state()).isEqualTo(ReviewItemState.OVERDUE);
        assertThat(open.decision()).isEmpty();
        assertThat(decided.decision()).contains(ReviewDecision.KEEP);
        assertThat(campaign.state()).isEqualTo(CampaignState.CLOSED);
        assertThat(campaign.counts()).containsEntry(ReviewItemState.OVERDUE, 1L)
                .containsEntry(ReviewItemState.REVOKED_AT_DEADLINE, 1L).containsEntry(ReviewItemState.DECIDED, 1L);
        assertThat(campaign.closeAtDeadline(DEADLINE.plusSeconds(5))).as("closing again does nothing").isEmpty();
    }

    @Test
    void anOverdueItemMayStillBeDecidedByItsReviewer() {
        var open = ReviewItem.standingAssignment("tina", BILLING, unused(), "admin");
        var campaign = ReviewCampaign.open(List.of(), List.of("billing-read"), List.of(open), "erin", T0, DEADLINE);
        campaign.closeAtDeadline(DEADLINE);

        open.decide("bob", ReviewDecision.CONVERT_TO_JIT, null, DEADLINE.plusSeconds(60));

        assertThat(open.state()).isEqualTo(ReviewItemState.DECIDED);
        assertThat(campaign.undecided()).isEmpty();
    }

    @Test
    void aCampaignNeedsADeadlineInTheFutureAndKeepsItsScope() {
        assertThatThrownBy(() -> ReviewCampaign.open(List.of(), List.of(), List.of(), "erin", T0, T0))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("deadline");
        var campaign = ReviewCampaign.open(List.of("prod-*"), List.of("prod-db-admin"),
                List.of(ReviewItem.standingAssignment("tina", PROD_DB, unused(), "admin")), "erin", T0, DEADLINE);

        assertThat(campaign.scope()).containsExactly("prod-*");
        assertThat(campaign.items()).singleElement().satisfies(item -> assertThat(item.campaignId())
                .isEqualTo(campaign.id()));
    }

    @Test
    void theEvidenceSaysHowTheAccessWasUsed() {
        var used = new UsageEvidence(T0.minus(Duration.ofDays(90)), 3, Optional.of(T0.minusSeconds(3600)), 1, 1,
                "2 used as intended, 0 not, 0 unanswered");

        assertThat(used.unused()).isFalse();
        assertThat(unused().unused()).isTrue();
        assertThat(used.summary()).contains("3 session(s)").contains("1 alert(s)").contains("1 break-glass use(s)")
                .contains("2 used as intended");
        assertThat(unused().summary()).contains("never seen").contains("post-access reviews: none");
    }

    private static UsageEvidence unused() {
        return new UsageEvidence(T0.minus(Duration.ofDays(90)), 0, Optional.empty(), 0, 0, null);
    }

    private static Entitlement entitlement(String name, RiskTier tier, String owner) {
        return new Entitlement(name, EntitlementKind.REALM_ROLE, null, tier, 60, 1, "approver", 90, owner);
    }
}

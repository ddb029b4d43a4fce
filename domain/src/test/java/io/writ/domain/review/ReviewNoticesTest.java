package io.writ.domain.review;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.notice.NoticeKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told what about an access review campaign: the reviewers, reminded, and escalated when overdue. */
class ReviewNoticesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
    private static final Entitlement BILLING = new Entitlement("billing-read", EntitlementKind.REALM_ROLE, null,
            RiskTier.LOW, 60, 1, "approver", 180, "bob");

    private final ReviewItem item = ReviewItem.standingAssignment("tina", BILLING,
            new UsageEvidence(T0.minus(Duration.ofDays(180)), 0, Optional.empty(), 0, 0, null), "admin");
    private final ReviewCampaign campaign = ReviewCampaign.open(List.of(), List.of("billing-read"), List.of(item),
            "erin", T0, T0.plus(Duration.ofDays(14)));

    @Test
    void theReviewerIsAskedWithEachItemAndItsEvidence() {
        var notice = ReviewNotices.reviewNeeded(campaign, "bob", List.of(item), T0);

        assertThat(notice.kind()).isEqualTo(NoticeKind.REVIEW_NEEDED);
        assertThat(notice.kind().aboutReview()).isTrue();
        assertThat(notice.writId()).as("about a campaign, not a writ").isNull();
        assertThat(notice.campaignId()).contains(campaign.id());
        assertThat(notice.audience().users()).containsExactly("bob");
        assertThat(notice.subject()).isEqualTo("Access review: 1 item(s) to decide by 2026-12-12 06:00 UTC");
        assertThat(notice.body()).contains("- billing-read held by tina (kept and escalated if not reviewed)")
                .contains("0 session(s)");
    }

    @Test
    void anOverdueItemIsEscalatedToTheFallbackReviewerToo() {
        var reminder = ReviewNotices.reviewReminder(campaign, "bob", List.of(item), T0.plus(Duration.ofDays(7)));
        var overdue = ReviewNotices.reviewOverdue(campaign, "bob", "admin", List.of(item), T0.plus(Duration.ofDays(14)));

        assertThat(reminder.subject()).startsWith("Reminder, access review: 1 item(s)");
        assertThat(overdue.kind()).isEqualTo(NoticeKind.REVIEW_OVERDUE);
        assertThat(overdue.kind().eventName()).isEqualTo("writ.review-overdue");
        assertThat(overdue.audience().users()).containsExactly("bob", "admin");
        assertThat(overdue.body()).contains("fail open").contains("billing-read held by tina");
    }
}

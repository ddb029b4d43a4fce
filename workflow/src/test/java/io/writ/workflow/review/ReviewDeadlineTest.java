package io.writ.workflow.review;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.review.CampaignState;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.UsageEvidence;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/**
 * A campaign closed at its deadline, and the closing step run again (a job whose lock ran out while it closed tens of
 * thousands of items is run again): the second run finds it closed and records nothing twice. The repository and the
 * outboxes are stubbed; ReviewCampaignIT runs the real ones.
 */
class ReviewDeadlineTest {

    private static final Instant DEADLINE = Instant.parse("2026-12-08T06:00:00Z");

    @Test
    void aCampaignClosedOnceIsNotClosedAgainWhenItsStepRunsAgain() {
        var evidence = new UsageEvidence(DEADLINE.minus(Duration.ofDays(90)), 0, Optional.empty(), 0, 0, null);
        var item = ReviewItem.nhiCredential("ci-deployer", "service-account-ci-deployer", "alice", evidence, "admin");
        var campaign = ReviewCampaign.open(List.of(), List.of("ci-deployer"), List.of(item), "erin",
                DEADLINE.minus(Duration.ofDays(14)), DEADLINE);
        var desk = new ReviewDesk();
        desk.campaigns = mock(ReviewCampaignRepository.class);
        when(desk.campaigns.byId(campaign.id())).thenReturn(Optional.of(campaign));
        desk.audit = mock(AuditTrail.class);
        desk.notices = mock(NoticeOutbox.class);
        desk.settings = new ReviewSettings();
        desk.settings.fallbackReviewer = "admin";
        desk.clock = Clock.fixed(DEADLINE.plusSeconds(1), ZoneOffset.UTC);

        desk.closeAtDeadline(campaign.id());
        var recorded = ArgumentCaptor.forClass(AuditEntry.class);
        verify(desk.audit, atLeastOnce()).record(recorded.capture());
        verify(desk.notices, atLeastOnce()).record(org.mockito.ArgumentMatchers.any());
        desk.closeAtDeadline(campaign.id());

        assertThat(campaign.state()).isEqualTo(CampaignState.CLOSED);
        assertThat(item.state()).isEqualTo(ReviewItemState.OVERDUE);
        assertThat(recorded.getAllValues()).extracting(AuditEntry::action)
                .containsExactly("review.overdue", "review.campaign-closed");
        verifyNoMoreInteractions(desk.audit, desk.notices);
    }
}

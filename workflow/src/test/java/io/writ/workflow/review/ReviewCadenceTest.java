package io.writ.workflow.review;

import io.writ.domain.alert.AlertRepository;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemKind;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.review.process.ReviewCampaignProcess;
import io.writ.workflow.nhi.NhiDesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Reviews by cadence: what is due goes into one campaign (an entitlement after its own review cadence, an NHI after
 * the NHI cadence, anything never reviewed at once), with the standing holders found in the directory as items.
 * The ports are stubbed: the schedule's rule is what is under test here; ReviewCampaignIT runs the real ones.
 */
class ReviewCadenceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final Entitlement PROD_DB = new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null,
            RiskTier.HIGH, 240, 2, "approver", 90, "carol");
    private static final Entitlement BILLING = new Entitlement("billing-read", EntitlementKind.REALM_ROLE, null,
            RiskTier.LOW, 480, 1, "approver", 180, "bob");

    private final ReviewDesk desk = new ReviewDesk();
    private final ReviewCampaignRepository campaigns = mock(ReviewCampaignRepository.class);

    @BeforeEach
    void wire() {
        desk.campaigns = campaigns;
        desk.catalogue = mock(EntitlementCatalogue.class);
        when(desk.catalogue.all()).thenReturn(List.of(PROD_DB, BILLING));
        desk.assignments = mock(AccessAssignments.class);
        when(desk.assignments.holdersOf(PROD_DB)).thenReturn(Set.of("tina", "uma"));
        desk.nhis = mock(NhiDesk.class);
        var found = new StandingAccess();
        found.catalogue = desk.catalogue;
        found.assignments = desk.assignments;
        found.nhis = desk.nhis;
        found.writs = mock(WritRepository.class);
        found.sessions = mock(SessionRepository.class);
        when(found.sessions.lastActivityOf(any())).thenReturn(Optional.empty());
        found.alerts = mock(AlertRepository.class);
        desk.standingAccess = found;
        when(desk.nhis.all()).thenReturn(List.of(new Nhi("ci-deployer", "service-account-ci-deployer",
                "alice", Optional.of(NOW.minus(Duration.ofDays(3))), Optional.of(Duration.ofDays(3)), Set.of(),
                Optional.empty(), Set.of())));
        desk.audit = mock(AuditTrail.class);
        found.audit = desk.audit;
        desk.process = mock(ReviewCampaignProcess.class);
        desk.notices = mock(NoticeOutbox.class);
        desk.settings = new ReviewSettings();
        desk.settings.deadline = "P14D";
        desk.settings.remindAfter = "P7D";
        desk.settings.fallbackReviewer = "admin";
        desk.settings.nhiCadenceDays = 90;
        found.settings = desk.settings;
        desk.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(found.writs.grantedTo(any(), anyInt())).thenReturn(List.of());
    }

    @Test
    void whatIsDueGoesIntoOneCampaignAndWhatWasReviewedLatelyWaits() {
        // prod-db-admin last reviewed 91 days ago (cadence 90), billing-read 10 days ago, ci-deployer never
        when(campaigns.lastCoveredSince(any())).thenReturn(Map.of("prod-db-admin", NOW.minus(Duration.ofDays(91)),
                "billing-read", NOW.minus(Duration.ofDays(10))));
        // tina holds prod-db-admin through a writ right now: that is no standing assignment
        var writ = mock(io.writ.domain.writ.Writ.class);
        when(writ.entitlement()).thenReturn("prod-db-admin");
        when(desk.standingAccess.writs.activeFor("tina")).thenReturn(List.of(writ));

        var campaign = desk.startWhatCadenceRequires().orElseThrow();

        assertThat(campaign.scope()).containsExactly("prod-db-admin", "ci-deployer");
        assertThat(campaign.startedBy()).isEqualTo("system");
        assertThat(campaign.deadline()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(campaign.items()).extracting(ReviewItem::identity, ReviewItem::entitlement, ReviewItem::reviewer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("uma", "prod-db-admin", "carol"),
                        org.assertj.core.groups.Tuple.tuple("service-account-ci-deployer", "ci-deployer", "alice"));
        assertThat(campaign.items()).filteredOn(i -> i.kind() == ReviewItemKind.STANDING_ASSIGNMENT)
                .allSatisfy(i -> assertThat(i.evidence().periodStart()).isEqualTo(NOW.minus(Duration.ofDays(90))));
    }

    @Test
    void nothingDueStartsNothing() {
        var yesterday = NOW.minus(Duration.ofDays(1));
        when(campaigns.lastCoveredSince(any())).thenReturn(Map.of("prod-db-admin", yesterday, "billing-read",
                yesterday, "ci-deployer", yesterday));

        assertThat(desk.startWhatCadenceRequires()).isEmpty();
    }
}

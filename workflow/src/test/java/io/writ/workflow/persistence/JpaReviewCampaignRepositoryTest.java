package io.writ.workflow.persistence;

import io.writ.domain.Paging;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.UsageEvidence;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What review campaigns covered, on a real database: a campaign over thousands of NHIs, named one by one, is kept
 * whole, the review
 * cadence reads when each name was last covered in one query, and campaigns kept before the coverage had a table of
 * its own keep what they covered through the upgrade.
 */
class JpaReviewCampaignRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final DataSource database = TestDatabase.empty();
    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void aCampaignOverThousandsOfNhisIsKeptAndEachNameAnswersItsLatestCampaign() {
        migrate(null);
        var repository = repository();
        var thousands = IntStream.range(0, 5_000).mapToObj(i -> "bench-nhi-client-%05d".formatted(i)).toList();
        keep(repository, ReviewCampaign.open(List.of(), List.of("prod-db-admin", "old-only"), List.of(), "admin",
                NOW.minus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(180))));
        // named one by one as its scope, as the campaign over the NHIs of an owner who left names them
        var overThousands = ReviewCampaign.open(thousands, thousands, List.of(), "admin",
                NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1)));
        keep(repository, overThousands);
        keep(repository, ReviewCampaign.open(List.of(), List.of("prod-db-admin", thousands.get(7)), List.of(),
                "system", NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(12))));
        var covered = repository.lastCoveredSince(NOW.minus(Duration.ofDays(90)));

        assertThat(covered).hasSize(5_001).doesNotContainKey("old-only");
        assertThat(covered.get("bench-nhi-client-04999")).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(covered.get(thousands.get(7))).as("the latest campaign").isEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(covered.get("prod-db-admin")).isEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(repository.lastCoveredSince(NOW.minus(Duration.ofDays(365)))).containsEntry("old-only",
                NOW.minus(Duration.ofDays(200)));
        assertThat(repository.byId(overThousands.id()).orElseThrow().scope()).containsExactlyElementsOf(thousands);
    }

    @Test
    void aReviewerWhoOwesThousandsReadsThemAPageAtATimeOldestFirstWithTheTotal() {
        migrate(null);
        var repository = repository();
        var evidence = new UsageEvidence(NOW.minus(Duration.ofDays(90)), 0, Optional.empty(), 0, 0, null);
        var items = IntStream.range(0, 1_200).mapToObj(i -> ReviewItem.nhiCredential("nhi-%04d".formatted(i),
                "service-account-nhi-%04d".formatted(i), null, evidence, "admin")).toList();
        keep(repository, ReviewCampaign.open(List.of(), List.of(), items, "admin", NOW, NOW.plus(Duration.ofDays(14))));
        keep(repository, ReviewCampaign.open(List.of(), List.of(), List.of(ReviewItem.nhiCredential("other",
                "service-account-other", "alice", evidence, "admin")), "admin", NOW, NOW.plus(Duration.ofDays(14))));

        var first = repository.awaitingDecisionBy("admin", new Paging(0, 500));
        var last = repository.awaitingDecisionBy("admin", new Paging(2, 500));

        assertThat(first.total()).isEqualTo(1_200);
        assertThat(first.items()).hasSize(500);
        assertThat(first.items().get(0).entitlement()).isEqualTo("nhi-0000");
        assertThat(last.items()).hasSize(200);
        assertThat(last.items().get(199).entitlement()).isEqualTo("nhi-1199");
        assertThat(repository.awaitingDecisionBy("alice", Paging.FIRST).items()).extracting(ReviewItem::entitlement)
                .containsExactly("other");
    }

    @Test
    void aCampaignOfThousandsIsDecidedAnItemAtATimeAndReportedAPageAtATimeWithItsCounts() {
        migrate(null);
        var repository = repository();
        var evidence = new UsageEvidence(NOW.minus(Duration.ofDays(90)), 0, Optional.empty(), 0, 0, null);
        var items = IntStream.range(0, 2_000).mapToObj(i -> ReviewItem.nhiCredential("nhi-%04d".formatted(i),
                "service-account-nhi-%04d".formatted(i), i == 7 ? "alice" : null, evidence, "admin")).toList();
        var campaign = ReviewCampaign.open(List.of(), List.of(), items, "erin", NOW, NOW.plus(Duration.ofDays(14)));
        keep(repository, campaign);

        repository.em.getTransaction().begin();
        var item = repository.item(items.get(3).id()).orElseThrow();
        item.decide("admin", ReviewDecision.REVOKE, null, NOW.plusSeconds(60));
        repository.item(items.get(7).id()).orElseThrow().decide("alice", ReviewDecision.KEEP, "the nightly job",
                NOW.plusSeconds(90));
        repository.em.getTransaction().commit();
        repository.em.clear();
        var kept = repository.byId(campaign.id()).orElseThrow();
        var second = repository.report(kept, new Paging(1, 500));

        assertThat(repository.item("no-such-item")).isEmpty();
        assertThat(second.total()).isEqualTo(2_000);
        assertThat(second.items()).hasSize(500);
        assertThat(second.items().get(0).entitlement()).isEqualTo("nhi-0500");
        assertThat(second.counts()).containsEntry(ReviewItemState.OPEN, 1_998L)
                .containsEntry(ReviewItemState.DECIDED, 2L).containsEntry(ReviewItemState.OVERDUE, 0L);
        assertThat(second.decisions()).containsEntry(ReviewDecision.REVOKE, 1L).containsEntry(ReviewDecision.KEEP, 1L)
                .containsEntry(ReviewDecision.CONVERT_TO_JIT, 0L);
        assertThat(repository.report(kept, Paging.FIRST).items().get(3).decidedBy()).contains("admin");
        assertThat(repository.hasItemFor(campaign.id(), "alice")).as("the owner of one NHI").isTrue();
        assertThat(repository.hasItemFor(campaign.id(), "bob")).isFalse();
    }

    @Test
    void itemsAreOnTimeWhenDecidedByTheirDeadlineAndLateAfterItOrUndecidedPastIt() {
        migrate(null);
        var repository = repository();
        var evidence = new UsageEvidence(NOW.minus(Duration.ofDays(90)), 0, Optional.empty(), 0, 0, null);
        var items = IntStream.range(0, 4).mapToObj(i -> ReviewItem.nhiCredential("nhi-" + i, "sa-nhi-" + i, null,
                evidence, "admin")).toList();
        var deadline = NOW.minus(Duration.ofDays(1));
        var past = ReviewCampaign.open(List.of(), List.of(), items, "erin", NOW.minus(Duration.ofDays(10)), deadline);
        items.get(0).decide("admin", ReviewDecision.KEEP, "needed", deadline.minusSeconds(60));
        items.get(1).decide("admin", ReviewDecision.REVOKE, null, deadline.plusSeconds(60));
        keep(repository, past);
        var stillOpen = ReviewCampaign.open(List.of(), List.of(), List.of(ReviewItem.nhiCredential("other", "sa-other",
                null, evidence, "admin")), "erin", NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(5)));
        keep(repository, stillOpen);
        keep(repository, ReviewCampaign.open(List.of(), List.of(), List.of(ReviewItem.nhiCredential("before",
                        "sa-before", null, evidence, "admin")), "erin", NOW.minus(Duration.ofDays(60)),
                NOW.minus(Duration.ofDays(50))));

        var month = repository.timeliness(NOW.minus(Duration.ofDays(30)), NOW, NOW, 2);
        var firstLate = repository.timeliness(NOW.minus(Duration.ofDays(30)), NOW, NOW, 1);

        assertThat(month.onTime()).isEqualTo(1);
        assertThat(month.late()).as("decided after the deadline, and two undecided past it").isEqualTo(3);
        assertThat(month.lateListed()).hasSize(2).allSatisfy(late -> assertThat(late.deadline()).isEqualTo(deadline));
        assertThat(month.lateListed()).extracting(late -> late.item().entitlement()).containsExactly("nhi-1", "nhi-2");
        assertThat(firstLate.lateListed()).hasSize(1);
        assertThat(firstLate.late()).isEqualTo(3);
    }

    @Test
    void campaignsKeptBeforeTheUpgradeKeepWhatTheyCovered() throws SQLException {
        migrate("19");
        try (var c = database.getConnection(); var insert = c.prepareStatement("insert into review_campaign "
                + "(id, state, covered, started_by, started_at, deadline) values (?, 'OPEN', ?, 'admin', ?, ?)")) {
            insert.setString(1, "c-1");
            insert.setString(2, ",prod-db-admin,ci-deployer,");
            insert.setObject(3, java.time.OffsetDateTime.parse("2026-11-01T09:00:00Z"));
            insert.setObject(4, java.time.OffsetDateTime.parse("2026-11-15T09:00:00Z"));
            insert.executeUpdate();
        }

        migrate(null);

        assertThat(repository().lastCoveredSince(NOW.minus(Duration.ofDays(90)))).isEqualTo(Map.of(
                "prod-db-admin", Instant.parse("2026-11-01T09:00:00Z"),
                "ci-deployer", Instant.parse("2026-11-01T09:00:00Z")));
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .javaMigrations(new ChainExistingAuditRecords(), new MoveReviewCoverage())
                .table("writ_schema_history");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private JpaReviewCampaignRepository repository() {
        factory = Persistence.createEntityManagerFactory("mapping",
                Map.of("jakarta.persistence.nonJtaDataSource", database));
        var repository = new JpaReviewCampaignRepository();
        repository.em = factory.createEntityManager();
        return repository;
    }

    private static void keep(JpaReviewCampaignRepository repository, ReviewCampaign campaign) {
        repository.em.getTransaction().begin();
        repository.save(campaign);
        repository.em.getTransaction().commit();
        repository.em.clear();
    }
}

package io.writ.workflow.persistence;

import io.writ.domain.review.CampaignReport;
import io.writ.domain.review.CampaignState;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.Paging;
import io.writ.domain.review.OwedItems;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewTimeliness;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Access review campaigns and their items in the database. */
@Stateless
public class JpaReviewCampaignRepository implements ReviewCampaignRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void save(ReviewCampaign campaign) {
        if (!em.contains(campaign)) {
            em.persist(campaign);
        }
    }

    @Override
    public Optional<ReviewCampaign> byId(String id) {
        return Optional.ofNullable(em.find(ReviewCampaign.class, id));
    }

    @Override
    public Optional<ReviewItem> item(String itemId) {
        return Optional.ofNullable(em.find(ReviewItem.class, itemId));
    }

    @Override
    public CampaignReport report(ReviewCampaign campaign, Paging paging) {
        var counts = new EnumMap<ReviewItemState, Long>(ReviewItemState.class);
        var decisions = new EnumMap<ReviewDecision, Long>(ReviewDecision.class);
        for (var state : ReviewItemState.values()) {
            counts.put(state, 0L);
        }
        for (var decision : ReviewDecision.values()) {
            decisions.put(decision, 0L);
        }
        em.createQuery("select i.state, i.decision, count(i) from ReviewItem i where i.campaignId = :campaign "
                        + "group by i.state, i.decision", Object[].class)
                .setParameter("campaign", campaign.id())
                .getResultStream().forEach(row -> {
                    counts.merge((ReviewItemState) row[0], (Long) row[2], Long::sum);
                    if (row[1] != null) {
                        decisions.merge((ReviewDecision) row[1], (Long) row[2], Long::sum);
                    }
                });
        var items = em.createQuery("select i from ReviewItem i where i.campaignId = :campaign "
                        + "order by i.entitlement, i.identity, i.id", ReviewItem.class)
                .setParameter("campaign", campaign.id())
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new CampaignReport(campaign, counts, decisions, items, total);
    }

    @Override
    public boolean hasItemFor(String campaignId, String reviewer) {
        return !em.createQuery("select i.id from ReviewItem i where i.campaignId = :campaign "
                        + "and i.reviewer = :reviewer", String.class)
                .setParameter("campaign", campaignId)
                .setParameter("reviewer", reviewer)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public OwedItems awaitingDecisionBy(String reviewer, Paging paging) {
        var owed = List.of(ReviewItemState.OPEN, ReviewItemState.OVERDUE);
        var items = em.createQuery("select i from ReviewItem i where i.reviewer = :reviewer and i.state in :states "
                        + "order by i.evidence.periodStart, i.entitlement, i.identity, i.id", ReviewItem.class)
                .setParameter("reviewer", reviewer)
                .setParameter("states", owed)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        var total = em.createQuery("select count(i) from ReviewItem i where i.reviewer = :reviewer "
                        + "and i.state in :states", Long.class)
                .setParameter("reviewer", reviewer)
                .setParameter("states", owed)
                .getSingleResult();
        return new OwedItems(items, total);
    }

    @Override
    public Map<String, Instant> lastCoveredSince(Instant since) {
        var latest = new HashMap<String, Instant>();
        em.createQuery("select n, max(c.startedAt) from ReviewCampaign c join c.covered n "
                        + "where c.startedAt >= :since group by n", Object[].class)
                .setParameter("since", since)
                .getResultStream().forEach(row -> latest.put((String) row[0], (Instant) row[1]));
        return latest;
    }

    @Override
    public List<ReviewCampaign> open() {
        return em.createQuery("select c from ReviewCampaign c where c.state = :state order by c.startedAt",
                        ReviewCampaign.class)
                .setParameter("state", CampaignState.OPEN)
                .getResultList();
    }

    @Override
    public ReviewTimeliness timeliness(Instant from, Instant to, Instant now, int listed) {
        var inPeriod = " from ReviewItem i, ReviewCampaign c where i.campaignId = c.id and c.startedAt >= :from "
                + "and c.startedAt < :to and ";
        var onTime = "i.decidedAt is not null and i.decidedAt <= c.deadline";
        var late = "((i.decidedAt is not null and i.decidedAt > c.deadline) "
                + "or (i.decidedAt is null and c.deadline <= :now))";
        long punctual = em.createQuery("select count(i)" + inPeriod + onTime, Long.class)
                .setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        long tardy = em.createQuery("select count(i)" + inPeriod + late, Long.class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .getSingleResult();
        var named = em.createQuery("select i, c.deadline" + inPeriod + late
                        + " order by c.startedAt, i.entitlement, i.identity, i.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .setMaxResults(listed)
                .getResultStream().map(row -> new ReviewTimeliness.Late((ReviewItem) row[0], (Instant) row[1]))
                .toList();
        return new ReviewTimeliness(punctual, tardy, named);
    }
}

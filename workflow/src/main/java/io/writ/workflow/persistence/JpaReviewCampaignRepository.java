package io.writ.workflow.persistence;

import io.writ.domain.review.CampaignState;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.Paging;
import io.writ.domain.review.OwedItems;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
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
    public Optional<ReviewCampaign> holding(String itemId) {
        return em.createQuery("select c from ReviewCampaign c join c.items i where i.id = :item",
                        ReviewCampaign.class)
                .setParameter("item", itemId)
                .getResultStream().findFirst();
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
    public List<ReviewCampaign> startedBetween(Instant from, Instant to) {
        return em.createQuery("select c from ReviewCampaign c where c.startedAt >= :from and c.startedAt < :to "
                        + "order by c.startedAt", ReviewCampaign.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}

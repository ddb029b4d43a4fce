package io.writ.domain.review;

import io.writ.domain.Paging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where review campaigns are kept (a repository port; the adapter keeps them in the database). */
public interface ReviewCampaignRepository {

    void save(ReviewCampaign campaign);

    Optional<ReviewCampaign> byId(String id);

    /** The campaign that holds this review item. */
    Optional<ReviewCampaign> holding(String itemId);

    /**
     * A page of the items this reviewer still owes a decision on (open or overdue), oldest campaign first, with how
     * many they owe in all.
     */
    OwedItems awaitingDecisionBy(String reviewer, Paging paging);

    /**
     * Each entitlement name and NHI client id that a campaign started at or after that moment looked at, with when
     * the latest of them started (one read for any number: the review cadence asks it of every NHI).
     */
    Map<String, Instant> lastCoveredSince(Instant since);

    /** The campaigns still open, oldest first. */
    List<ReviewCampaign> open();

    /** The campaigns started in [from, to), oldest first (compliance evidence). */
    List<ReviewCampaign> startedBetween(Instant from, Instant to);
}

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

    /** One review item, to be decided (its campaign's other items are not read). */
    Optional<ReviewItem> item(String itemId);

    /** The campaign's report: its counts, and one page of its items in the order of entitlement and identity. */
    CampaignReport report(ReviewCampaign campaign, Paging paging);

    /** Whether the campaign holds an item for that reviewer (who may then read its report). */
    boolean hasItemFor(String campaignId, String reviewer);

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

    /**
     * How the items of the campaigns started in [from, to) stand against their campaign's deadline at {@code now}
     * (compliance evidence), the first {@code listed} late items named.
     */
    ReviewTimeliness timeliness(Instant from, Instant to, Instant now, int listed);
}

package io.writ.domain.review;

import java.util.List;
import java.util.Map;

/**
 * An access review campaign's report as one answer carries it: how many of its items stand where and were decided
 * how (counted where they are kept), and one page of the items: a campaign over every NHI holds tens of thousands.
 *
 * @param items the page's items, by entitlement and identity
 * @param total how many items the campaign holds
 */
public record CampaignReport(ReviewCampaign campaign, Map<ReviewItemState, Long> counts,
                             Map<ReviewDecision, Long> decisions, List<ReviewItem> items, long total) {

    public CampaignReport {
        counts = Map.copyOf(counts);
        decisions = Map.copyOf(decisions);
        items = List.copyOf(items);
    }
}

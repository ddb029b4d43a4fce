package io.writ.web.api;

import io.writ.domain.review.CampaignReport;
import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.UsageEvidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An access review campaign as the API shows it: its report (docs/reviews.md, "Report") with counts, and one page of
 * its items ({@code itemCount} in all; the page and its size as asked, or the first 100).
 */
public record CampaignView(String id, String state, List<String> scope, String startedBy, Instant startedAt,
                           Instant deadline, Instant closedAt, Map<String, Long> counts, Map<String, Long> decisions,
                           long itemCount, List<ItemView> items) {

    /** The usage evidence of the period beside the item. */
    public record EvidenceView(Instant periodStart, int sessions, Instant lastUsedAt, int alerts, int breakGlassUses,
                               String postAccessReviews, String summary) {
        static EvidenceView of(UsageEvidence e) {
            return new EvidenceView(e.periodStart(), e.sessions(), e.lastUsedAt().orElse(null), e.alerts(),
                    e.breakGlassUses(), e.postAccessReviews(), e.summary());
        }
    }

    public record ItemView(String id, String campaign, String kind, String identity, String entitlement,
                           String reviewer, String failureMode, String state, EvidenceView evidence, String decision,
                           String reason, String decidedBy, Instant decidedAt) {
        static ItemView of(ReviewItem i) {
            return new ItemView(i.id(), i.campaignId(), i.kind().name(), i.identity(), i.entitlement(), i.reviewer(),
                    i.failureMode().name(), i.state().name(), EvidenceView.of(i.evidence()),
                    i.decision().map(Enum::name).orElse(null), i.reason().orElse(null), i.decidedBy().orElse(null),
                    i.decidedAt().orElse(null));
        }
    }

    static CampaignView of(CampaignReport report) {
        var c = report.campaign();
        return new CampaignView(c.id(), c.state().name(), c.scope(), c.startedBy(), c.startedAt(), c.deadline(),
                c.closedAt().orElse(null), names(ReviewItemState.values(), report.counts()),
                names(ReviewDecision.values(), report.decisions()), report.total(),
                report.items().stream().map(ItemView::of).toList());
    }

    private static <E extends Enum<E>> Map<String, Long> names(E[] order, Map<E, Long> counts) {
        var named = new java.util.LinkedHashMap<String, Long>();
        for (var key : order) {
            named.put(key.name(), counts.getOrDefault(key, 0L));
        }
        return named;
    }
}

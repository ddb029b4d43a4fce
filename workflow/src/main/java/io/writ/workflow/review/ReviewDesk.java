package io.writ.workflow.review;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.Paging;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.review.OwedItems;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.review.CampaignReport;
import io.writ.domain.review.CampaignState;
import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemKind;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.ReviewNotices;
import io.writ.workflow.review.process.ReviewCampaignProcess;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Access review campaigns, each use case in one transaction: started over what {@link StandingAccess} finds, decided
 * item by item (a decision acts in Keycloak at once and is read back), reminded, and closed at the deadline by the
 * campaign's process.
 */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class ReviewDesk {

    @Inject
    ReviewCampaignRepository campaigns;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AccessAssignments assignments;

    @Inject
    StandingAccess standingAccess;

    @Inject
    NhiDesk nhis;

    @Inject
    AuditTrail audit;

    @Inject
    ReviewCampaignProcess process;

    @Inject
    ReviewSettings settings;

    @Inject
    NoticeOutbox notices;

    Clock clock = Clock.systemUTC();

    /**
     * Starts a campaign now over what the scope's patterns match (entitlement names and NHI client ids; empty:
     * everything), due after {@code deadline} (ISO-8601 duration; empty: the configured one).
     */
    public ReviewCampaign start(List<String> scope, String deadline, String by) {
        var patterns = scope == null ? List.<String>of()
                : scope.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        var within = parseDeadline(deadline);
        var now = clock.instant();
        var found = standingAccess.within(patterns, now);
        var campaign = ReviewCampaign.open(patterns, found.covered(), found.items(), by, now, now.plus(within));
        campaigns.save(campaign);
        audit.record(new AuditEntry(now, by, "review.campaign-started", subject(campaign),
                found.items().size() + " item(s) over " + (patterns.isEmpty() ? "every entitlement and NHI"
                        : String.join(", ", patterns)) + "; deadline " + campaign.deadline()));
        byReviewer(campaign.undecided()).forEach((reviewer, owed) ->
                notices.record(ReviewNotices.reviewNeeded(campaign, reviewer, owed, now)));
        process.start(campaign, settings.remindAfter());
        return campaign;
    }

    /** Starts one campaign over every entitlement and NHI whose cadence says it is due; empty when none is. */
    public Optional<ReviewCampaign> startWhatCadenceRequires() {
        var now = clock.instant();
        var entitlements = catalogue.all();
        // What campaigns covered within the longest cadence: anything not among them is due whatever its cadence.
        int longest = entitlements.stream().mapToInt(Entitlement::reviewCadenceDays)
                .reduce(settings.nhiCadenceDays(), Math::max);
        var lastCovered = campaigns.lastCoveredSince(now.minus(Duration.ofDays(longest)));
        var due = new ArrayList<String>();
        for (var entitlement : entitlements) {
            if (due(lastCovered.get(entitlement.name()), entitlement.reviewCadenceDays(), now)) {
                due.add(entitlement.name());
            }
        }
        for (var nhi : nhis.all()) {
            if (due(lastCovered.get(nhi.clientId()), settings.nhiCadenceDays(), now)) {
                due.add(nhi.clientId());
            }
        }
        return due.isEmpty() ? Optional.empty() : Optional.of(start(due, null, AuditEntry.SYSTEM));
    }

    /**
     * The item's reviewer decides; the decision acts in Keycloak at once and is read back: REVOKE and CONVERT_TO_JIT
     * remove the standing assignment (for an NHI its standing privileged roles; REVOKE also replaces its secret).
     */
    public ReviewItem decide(String itemId, String by, ReviewDecision decision, String reason) {
        var item = campaigns.item(itemId).orElseThrow(() -> new NotFound("no review item " + itemId));
        item.decide(by, decision, reason, clock.instant());
        var done = decision == ReviewDecision.KEEP ? "kept" : removeAccess(item, decision);
        audit.record(new AuditEntry(clock.instant(), by, "review.decided", subject(item),
                decision + " " + item.entitlement() + " of " + item.identity() + ": " + done
                        + item.reason().map(r -> "; reason: " + r).orElse("") + "; evidence: "
                        + item.evidence().summary()));
        return item;
    }

    /**
     * The deadline passed: undecided fail-closed items are revoked in Keycloak and read back absent; fail-open ones
     * are kept, marked overdue and escalated. A retry after a failure starts again from the stored campaign; once it
     * is closed, closing again does nothing.
     */
    public void closeAtDeadline(String campaignId) {
        var campaign = require(campaignId);
        if (campaign.state() == CampaignState.CLOSED) {
            return; // closed by an earlier run of this step (a job run again): its records are kept, not made twice
        }
        var now = clock.instant();
        var revoke = campaign.closeAtDeadline(now);
        for (var item : revoke) {
            var done = removeAccess(item, ReviewDecision.REVOKE);
            audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "review.revoked-at-deadline",
                    subject(item), item.entitlement() + " of " + item.identity() + " not reviewed by "
                            + campaign.deadline() + " and fails closed: " + done));
        }
        var overdue = campaign.items().stream().filter(i -> i.state() == ReviewItemState.OVERDUE).toList();
        byReviewer(overdue).forEach((reviewer, owed) -> notices.record(ReviewNotices.reviewOverdue(campaign, reviewer,
                settings.fallbackReviewer(), owed, now)));
        for (var item : campaign.items()) {
            if (item.state() == ReviewItemState.OVERDUE) {
                audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "review.overdue", subject(item),
                        item.entitlement() + " of " + item.identity() + " not reviewed by " + campaign.deadline()
                                + "; fails open: kept, escalated to " + settings.fallbackReviewer()
                                + " (reviewer " + item.reviewer() + " still owes a decision)"));
            }
        }
        audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "review.campaign-closed",
                subject(campaign), "closed at the deadline: " + campaign.counts() + "; decisions "
                        + campaign.decisions()));
    }

    /** Reminds each reviewer who still owes decisions in the campaign (recorded in the audit trail). */
    public void remindReviewers(String campaignId) {
        var campaign = require(campaignId);
        byReviewer(campaign.undecided()).forEach((reviewer, owed) -> {
            notices.record(ReviewNotices.reviewReminder(campaign, reviewer, owed, clock.instant()));
            audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "review.reminder", subject(campaign),
                    reviewer + " reminded of " + owed.size() + " undecided item(s); deadline "
                            + campaign.deadline()));
        });
    }

    /**
     * The campaign's report, its items a page at a time (page from 0, default size 100, at most 500): for the
     * overseers, and for the reviewers of its items.
     */
    public CampaignReport report(String campaignId, String caller, boolean overseer, Integer page, Integer size) {
        var paging = Paging.of(page, size);
        var campaign = require(campaignId);
        if (!overseer && !campaigns.hasItemFor(campaignId, caller)) {
            throw new NotFound("no review campaign " + campaignId); // hidden, as a writ one may not see
        }
        return campaigns.report(campaign, paging);
    }

    /** A page of the items the reviewer still owes a decision on (page from 0, default size 100, at most 500). */
    public OwedItems awaitingDecisionBy(String reviewer, Integer page, Integer size) {
        return campaigns.awaitingDecisionBy(reviewer, Paging.of(page, size));
    }

    // --- acting -----------------------------------------------------------------------------------------------

    /** Removes the standing access in Keycloak and reads it back; returns what was done, in a sentence. */
    private String removeAccess(ReviewItem item, ReviewDecision decision) {
        if (item.kind() == ReviewItemKind.NHI_CREDENTIAL) {
            return removeNhiAccess(item, decision);
        }
        var entitlement = catalogue.require(item.entitlement());
        revokeAndReadBack(item.identity(), entitlement);
        int loggedOut = assignments.logout(DirectoryRef.named(item.identity())).sessions();
        return entitlement.name() + " removed from " + item.identity() + " and read back absent; " + loggedOut
                + " session(s) logged out" + (decision == ReviewDecision.CONVERT_TO_JIT
                ? "; from now on " + item.identity() + " asks for a writ" : "");
    }

    private String removeNhiAccess(ReviewItem item, ReviewDecision decision) {
        Nhi nhi = nhis.current(item.entitlement());
        var removed = new ArrayList<String>();
        for (var role : nhi.privilegedRoles()) {
            catalogue.named(role).ifPresent(e -> {
                revokeAndReadBack(nhi.identity(), e);
                removed.add(role);
            });
        }
        var done = removed.isEmpty() ? "no standing privileged roles to remove"
                : "standing " + String.join(", ", removed) + " removed and read back absent";
        if (decision == ReviewDecision.REVOKE) {
            nhis.rotateNow(nhi.clientId(), RotationReason.REVIEW_REVOKED, AuditEntry.SYSTEM);
            nhis.ownerTold(nhi.clientId(), RotationReason.REVIEW_REVOKED);
            done += "; its secret was replaced, so the reviewed credential no longer works";
        } else if (decision == ReviewDecision.CONVERT_TO_JIT) {
            done += "; from now on " + nhi.clientId() + " asks for a writ";
        }
        return done;
    }

    private void revokeAndReadBack(String identity, Entitlement entitlement) {
        if (!assignments.revoke(DirectoryRef.named(identity), entitlement).absent()) {
            throw new IllegalStateException("Keycloak still shows " + entitlement.name() + " for " + identity
                    + " after revoking it");
        }
    }

    // --- small things -----------------------------------------------------------------------------------------

    private static java.util.Map<String, List<ReviewItem>> byReviewer(List<ReviewItem> items) {
        return items.stream().collect(Collectors.groupingBy(ReviewItem::reviewer, java.util.TreeMap::new,
                Collectors.toList()));
    }

    private static boolean due(Instant lastCovered, int cadenceDays, Instant now) {
        return lastCovered == null || !lastCovered.plus(Duration.ofDays(cadenceDays)).isAfter(now);
    }

    private Duration parseDeadline(String deadline) {
        var text = deadline == null || deadline.isBlank() ? settings.deadline() : deadline.strip();
        try {
            var within = Duration.parse(text);
            if (within.isNegative() || within.isZero()) {
                throw InvalidRequest.of("deadline", "must be a positive ISO-8601 duration such as P14D");
            }
            return within;
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("deadline", "an ISO-8601 duration such as P14D or PT5S");
        }
    }

    private ReviewCampaign require(String campaignId) {
        return campaigns.byId(campaignId).orElseThrow(() -> new NotFound("no review campaign " + campaignId));
    }

    private static String subject(ReviewCampaign campaign) {
        return "review-campaign:" + campaign.id();
    }

    private static String subject(ReviewItem item) {
        return "review-item:" + item.id();
    }

}

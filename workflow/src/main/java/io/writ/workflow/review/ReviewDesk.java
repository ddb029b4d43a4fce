package io.writ.workflow.review;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.NotInDirectory;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.notice.Notice;
import io.writ.domain.review.ReviewNotices;
import io.writ.domain.writ.PostAccessReview;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.ReviewItemKind;
import io.writ.domain.review.ReviewItemState;
import io.writ.domain.review.UsageEvidence;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.Wildcard;
import io.writ.workflow.review.process.ReviewCampaignProcess;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Access review campaigns, each use case in one transaction. A campaign's items are read live from Keycloak: every
 * direct holder of a catalogue entitlement who does not hold it through an active writ (assignments made behind the
 * portal's back included), and every NHI credential; each with the usage evidence of the period. A decision acts at
 * once and is read back; the deadline is kept by the campaign's process.
 */
@ApplicationScoped
@Transactional
public class ReviewDesk {

    @Inject
    ReviewCampaignRepository campaigns;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AccessAssignments assignments;

    @Inject
    WritRepository writs;

    @Inject
    SessionRepository sessions;

    @Inject
    AlertRepository alerts;

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
        var items = new ArrayList<ReviewItem>();
        var covered = new TreeSet<String>();
        var holders = new Holders();
        for (var entitlement : catalogue.all()) {
            if (inScope(patterns, entitlement.name())) {
                covered.add(entitlement.name());
                items.addAll(standingAssignments(entitlement, now, holders));
            }
        }
        for (var nhi : nhis.inventory()) {
            if (inScope(patterns, nhi.clientId())) {
                covered.add(nhi.clientId());
                items.add(ReviewItem.nhiCredential(nhi.clientId(), nhi.identity(), nhi.owner(),
                        evidence(nhi.identity(), now.minus(Duration.ofDays(settings.nhiCadenceDays())), now),
                        settings.fallbackReviewer()));
            }
        }
        var campaign = ReviewCampaign.open(patterns, covered, items, by, now, now.plus(within));
        campaigns.save(campaign);
        audit.record(new AuditEntry(now, by, "review.campaign-started", subject(campaign),
                items.size() + " item(s) over " + (patterns.isEmpty() ? "every entitlement and NHI"
                        : String.join(", ", patterns)) + "; deadline " + campaign.deadline()));
        byReviewer(campaign.undecided()).forEach((reviewer, owed) ->
                notices.record(ReviewNotices.reviewNeeded(campaign, reviewer, owed, now)));
        process.start(campaign, settings.remindAfter());
        return campaign;
    }

    /** Starts one campaign over every entitlement and NHI whose cadence says it is due; empty when none is. */
    public Optional<ReviewCampaign> startWhatCadenceRequires() {
        var now = clock.instant();
        var due = new ArrayList<String>();
        for (var entitlement : catalogue.all()) {
            if (due(entitlement.name(), entitlement.reviewCadenceDays(), now)) {
                due.add(entitlement.name());
            }
        }
        for (var nhi : nhis.inventory()) {
            if (due(nhi.clientId(), settings.nhiCadenceDays(), now)) {
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
        var campaign = campaigns.holding(itemId)
                .orElseThrow(() -> new NotFound("no review item " + itemId));
        var now = clock.instant();
        var item = campaign.decide(itemId, by, decision, reason, now);
        var done = decision == ReviewDecision.KEEP ? "kept" : removeAccess(item, decision);
        audit.record(new AuditEntry(clock.instant(), by, "review.decided", subject(item),
                decision + " " + item.entitlement() + " of " + item.identity() + ": " + done
                        + item.reason().map(r -> "; reason: " + r).orElse("") + "; evidence: "
                        + item.evidence().summary()));
        return item;
    }

    /**
     * The deadline passed: undecided fail-closed items are revoked in Keycloak and read back absent; fail-open ones
     * are kept, marked overdue and escalated. A retry after a failure starts again from the stored campaign.
     */
    public void closeAtDeadline(String campaignId) {
        var campaign = require(campaignId);
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

    /** The campaign with its items: for the overseers, and for the reviewers of its items. */
    public ReviewCampaign report(String campaignId, String caller, boolean overseer) {
        var campaign = require(campaignId);
        if (!campaign.mayBeSeenBy(caller, overseer)) {
            throw new NotFound("no review campaign " + campaignId); // hidden, as a writ one may not see
        }
        return campaign;
    }

    /** The items the reviewer still owes a decision on. */
    public List<ReviewItem> awaitingDecisionBy(String reviewer) {
        return campaigns.awaitingDecisionBy(reviewer);
    }

    // --- collecting -------------------------------------------------------------------------------------------

    /**
     * What one campaign start learnt about each holder: most hold several entitlements, and their writs and usage
     * do not change while the campaign is collected, so each is read once per holder rather than once per item
     * (a campaign of 100,000 items over a few thousand people asked the database half a million times otherwise).
     */
    private final class Holders {
        private final Map<String, Set<String>> throughWrits = new HashMap<>();
        private final Map<String, Usage> usage = new HashMap<>();

        /** The entitlements the holder has through an active writ now. */
        Set<String> throughWrits(String holder) {
            return throughWrits.computeIfAbsent(holder, h -> writs.activeFor(h).stream()
                    .map(Writ::entitlement).collect(Collectors.toSet()));
        }

        UsageEvidence evidence(String holder, Instant since) {
            return usage.computeIfAbsent(holder + "\n" + since, k -> Usage.of(ReviewDesk.this, holder, since))
                    .evidence(since);
        }
    }

    /** The figures of one identity's usage evidence; each item gets an evidence of its own from them. */
    private record Usage(int sessions, Optional<Instant> lastUsedAt, int alerts, int breakGlass, String answers) {
        static Usage of(ReviewDesk desk, String identity, Instant since) {
            var inPeriod = desk.writs.grantedTo(identity, 200).stream()
                    .filter(w -> w.grant().map(g -> !g.grantedAt().isBefore(since)).orElse(false)).toList();
            long breakGlass = inPeriod.stream().filter(Writ::breakGlass).count();
            return new Usage(desk.sessions.ofIdentitySince(identity, since).size(),
                    desk.sessions.lastActivityOf(identity), desk.alerts.aboutIdentitySince(identity, since).size(),
                    (int) breakGlass, postAccessAnswers(inPeriod));
        }

        UsageEvidence evidence(Instant since) {
            return new UsageEvidence(since, sessions, lastUsedAt, alerts, breakGlass, answers);
        }
    }

    private List<ReviewItem> standingAssignments(Entitlement entitlement, Instant now, Holders known) {
        var items = new ArrayList<ReviewItem>();
        var since = now.minus(Duration.ofDays(entitlement.reviewCadenceDays()));
        java.util.Set<String> holders;
        try {
            holders = assignments.holdersOf(entitlement);
        } catch (NotInDirectory missing) {
            // A catalogue entry Keycloak does not know has no holders to review; the campaign goes on without it.
            audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "review.entitlement-missing",
                    "entitlement:" + entitlement.name(), missing.getMessage()));
            return items;
        }
        for (var holder : new TreeSet<>(holders)) {
            if (!known.throughWrits(holder).contains(entitlement.name())) {
                items.add(ReviewItem.standingAssignment(holder, entitlement, known.evidence(holder, since),
                        settings.fallbackReviewer()));
            }
        }
        return items;
    }

    /** What the identity did with its access since then: sessions, last use, alerts, break-glass, answers. */
    private UsageEvidence evidence(String identity, Instant since, Instant now) {
        return Usage.of(this, identity, since).evidence(since);
    }

    private static String postAccessAnswers(List<Writ> writs) {
        long asIntended = writs.stream().flatMap(w -> w.postAccessReview().stream())
                .filter(r -> r.usedAsIntended().orElse(false)).count();
        var notAsIntended = writs.stream()
                .filter(w -> w.postAccessReview().flatMap(PostAccessReview::usedAsIntended).filter(b -> !b).isPresent())
                .map(w -> "writ " + w.id() + ": " + w.postAccessReview().flatMap(PostAccessReview::comment).orElse(""))
                .toList();
        long unanswered = writs.stream().filter(Writ::awaitsPostAccessReview).count();
        if (asIntended == 0 && notAsIntended.isEmpty() && unanswered == 0) {
            return "none";
        }
        return asIntended + " used as intended, " + notAsIntended.size() + " not" + (notAsIntended.isEmpty() ? ""
                : " (" + String.join("; ", notAsIntended) + ")") + ", " + unanswered + " unanswered";
    }

    // --- acting -----------------------------------------------------------------------------------------------

    /** Removes the standing access in Keycloak and reads it back; returns what was done, in a sentence. */
    private String removeAccess(ReviewItem item, ReviewDecision decision) {
        if (item.kind() == ReviewItemKind.NHI_CREDENTIAL) {
            return removeNhiAccess(item, decision);
        }
        var entitlement = catalogue.named(item.entitlement())
                .orElseThrow(() -> new NotFound("entitlement " + item.entitlement() + " left the catalogue"));
        revokeAndReadBack(item.identity(), entitlement);
        int loggedOut = assignments.logout(DirectoryRef.named(item.identity()));
        return entitlement.name() + " removed from " + item.identity() + " and read back absent; " + loggedOut
                + " session(s) logged out" + (decision == ReviewDecision.CONVERT_TO_JIT
                ? "; from now on " + item.identity() + " asks for a writ" : "");
    }

    private String removeNhiAccess(ReviewItem item, ReviewDecision decision) {
        Nhi nhi = nhis.one(item.entitlement());
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
        if (!assignments.revoke(DirectoryRef.named(identity), entitlement)) {
            throw new IllegalStateException("Keycloak still shows " + entitlement.name() + " for " + identity
                    + " after revoking it");
        }
    }

    // --- small things -----------------------------------------------------------------------------------------

    private static java.util.Map<String, List<ReviewItem>> byReviewer(List<ReviewItem> items) {
        return items.stream().collect(Collectors.groupingBy(ReviewItem::reviewer, java.util.TreeMap::new,
                Collectors.toList()));
    }

    private boolean due(String name, int cadenceDays, Instant now) {
        return campaigns.lastCovering(name).map(last -> !last.plus(Duration.ofDays(cadenceDays)).isAfter(now))
                .orElse(true);
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

    private static boolean inScope(List<String> patterns, String name) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> Wildcard.matches(p, name));
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

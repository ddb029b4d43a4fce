package io.writ.workflow.review;

import io.writ.domain.alert.AlertRepository;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.NotInDirectory;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.review.UsageEvidence;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.PostAccessReview;
import io.writ.domain.writ.Wildcard;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.nhi.NhiDesk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an access review campaign puts before its reviewers, read live: every direct holder in Keycloak of a
 * catalogue entitlement who does not hold it through an active writ (assignments made behind the portal's back
 * included), and every NHI credential; each with the usage evidence of the period (sessions, last use, alerts,
 * break-glass, post-access answers).
 */
@ApplicationScoped
class StandingAccess {

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
    ReviewSettings settings;

    /** The items found, and the names (entitlements, NHI client ids) the search covered. */
    record Found(List<ReviewItem> items, Set<String> covered) {
    }

    /** Everything the scope's patterns match (entitlement names and NHI client ids; none: everything). */
    Found within(List<String> patterns, Instant now) {
        var inScope = scope(patterns);
        var items = new ArrayList<ReviewItem>();
        var covered = new TreeSet<String>();
        var holders = new Holders();
        for (var entitlement : catalogue.all()) {
            if (inScope.test(entitlement.name())) {
                covered.add(entitlement.name());
                items.addAll(standingAssignments(entitlement, now, holders));
            }
        }
        var since = now.minus(Duration.ofDays(settings.nhiCadenceDays()));
        var usage = new NhiUsage(since, now);
        for (var nhi : nhis.all()) {
            if (inScope.test(nhi.clientId())) {
                covered.add(nhi.clientId());
                // an owner who is disabled or gone cannot review: the fallback reviewer does, and reassigns it
                items.add(ReviewItem.nhiCredential(nhi.clientId(), nhi.identity(), nhi.accountableOwner().orElse(null),
                        usage.of(nhi, since), settings.fallbackReviewer()));
            }
        }
        return new Found(items, covered);
    }

    /**
     * What the NHIs did since then, read in three queries for the whole campaign: asked per NHI (four queries each),
     * a campaign over 50,000 NHIs asked the database 200,000 times. The last use is the inventory's (kept from the
     * sessions as they come).
     */
    private final class NhiUsage {
        private final Map<String, Long> sessionCounts;
        private final Map<String, Long> alertCounts;
        private final Map<String, List<Writ>> grants;

        NhiUsage(Instant since, Instant now) {
            sessionCounts = sessions.sessionCountsSince(since);
            alertCounts = alerts.raisedBetween(since, now).stream()
                    .filter(a -> a.identity() != null)
                    .collect(Collectors.groupingBy(a -> a.identity(), Collectors.counting()));
            grants = writs.grantedSince(since).stream().collect(Collectors.groupingBy(Writ::target));
        }

        UsageEvidence of(Nhi nhi, Instant since) {
            var granted = grants.getOrDefault(nhi.identity(), List.of());
            return new Usage(sessionCounts.getOrDefault(nhi.identity(), 0L).intValue(), nhi.lastUsedAt(),
                    alertCounts.getOrDefault(nhi.identity(), 0L).intValue(),
                    (int) granted.stream().filter(Writ::breakGlass).count(), postAccessAnswers(granted))
                    .evidence(since);
        }
    }

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
            return usage.computeIfAbsent(holder + "\n" + since, k -> Usage.of(StandingAccess.this, holder, since))
                    .evidence(since);
        }
    }

    /** The figures of one identity's usage evidence; each item gets an evidence of its own from them. */
    private record Usage(int sessions, Optional<Instant> lastUsedAt, int alerts, int breakGlass, String answers) {
        static Usage of(StandingAccess desk, String identity, Instant since) {
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
        Set<String> holders;
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

    /**
     * Whether a name is in the scope's patterns (none: everything). An offboarding campaign names thousands of NHIs
     * one by one: those are looked up, and only patterns with a {@code *} are matched.
     */
    private static java.util.function.Predicate<String> scope(List<String> patterns) {
        if (patterns.isEmpty()) {
            return name -> true;
        }
        var named = patterns.stream().filter(p -> !p.contains("*")).collect(Collectors.toSet());
        var wildcards = patterns.stream().filter(p -> p.contains("*")).toList();
        return name -> named.contains(name) || wildcards.stream().anyMatch(p -> Wildcard.matches(p, name));
    }
}

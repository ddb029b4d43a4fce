package io.writ.workflow.dashboard;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.NotInDirectory;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writs;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's figures from writs in a stand-in repository and a stand-in Keycloak: what a requester and an
 * overseer would read, and that an unreachable Keycloak leaves out only the standing privilege.
 */
class DashboardsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Approver BOB = Approver.of("bob", "approver");
    private static final Approver CAROL = Approver.of("carol", "approver");

    private final List<Writ> kept = new ArrayList<>();
    private final Map<String, Set<String>> holders = new HashMap<>();
    private boolean keycloakAway;
    private final Dashboards dashboards = new Dashboards();

    @BeforeEach
    void wire() {
        dashboards.writs = new KeptWrits();
        dashboards.catalogue = new Catalogue(List.of(
                new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null, RiskTier.HIGH, 240, 2, "approver",
                        30, "dave"),
                new Entitlement("oncall-admins", EntitlementKind.GROUP, null, RiskTier.MEDIUM, 60, 1, "approver",
                        30, "dave")));
        dashboards.assignments = new Assignments();
        dashboards.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        holders.put("prod-db-admin", Set.of("alice", "legacy-dba", "service-account-batch"));
    }

    @Test
    void aRequesterSeesTheirActiveWritsAndWhatAwaitsOthers() {
        var active = active("alice", NOW.minus(Duration.ofMinutes(20)));
        var waiting = pending("alice", 2, NOW.minus(Duration.ofMinutes(45)));
        waiting.approve(BOB, null, NOW.minus(Duration.ofMinutes(15)));
        pending("frank", 1, NOW.minus(Duration.ofMinutes(5)));

        var figures = dashboards.forRequester("alice");

        assertThat(figures.active()).extracting(RequesterFigures.ActiveWrit::writId).containsExactly(active.id());
        assertThat(figures.active().get(0).endsAt()).isEqualTo(active.grant().orElseThrow().expiresAt());
        assertThat(figures.awaitingOthers()).singleElement().satisfies(a -> {
            assertThat(a.writId()).isEqualTo(waiting.id());
            assertThat(a.groups()).containsExactly("approver");
            assertThat(a.approvalsSoFar()).isEqualTo(1);
            assertThat(a.approvalsRequired()).isEqualTo(2);
            assertThat(a.since()).as("since bob's approval").isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        });
    }

    @Test
    void overseersSeeMeanTimesOverThePeriodAndStandingVersusJustInTime() {
        active("alice", NOW.minus(Duration.ofMinutes(30))); // approved 10 min after submission
        var ended = active("frank", NOW.minus(Duration.ofHours(3)));
        ended.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "frank", NOW.minus(Duration.ofHours(2)));
        ended.recordRevocation(new Revocation(NOW.minus(Duration.ofHours(2)).plusSeconds(4),
                NOW.minus(Duration.ofHours(2)).plusSeconds(4), NOW.minus(Duration.ofHours(2)).plusSeconds(5), 1, null, null));
        var old = active("frank", NOW.minus(Duration.ofDays(40)));
        old.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "frank", NOW.minus(Duration.ofDays(40)).plusSeconds(60));
        old.recordRevocation(new Revocation(NOW.minus(Duration.ofDays(39)), NOW.minus(Duration.ofDays(39)),
                NOW.minus(Duration.ofDays(39)),
                0, null, null));

        var figures = dashboards.oversight();

        assertThat(figures.activeGrants()).isEqualTo(1);
        assertThat(figures.from()).isEqualTo(NOW.minus(Dashboards.PERIOD));
        assertThat(figures.timeToApprove().count()).as("the 40-day-old writ is out of the period").isEqualTo(2);
        assertThat(figures.timeToApprove().mean()).contains(Duration.ofMinutes(10));
        assertThat(figures.revocationLag().count()).isEqualTo(1);
        assertThat(figures.revocationLag().mean()).contains(Duration.ofSeconds(4));
        assertThat(figures.privilegeUnavailable()).isEmpty();
        var prodDb = figures.privilege().get(0);
        assertThat(prodDb.entitlement()).isEqualTo("prod-db-admin");
        assertThat(prodDb.justInTime()).containsExactly("alice");
        assertThat(prodDb.standing()).as("alice holds it through her writ, not standing")
                .containsExactly("legacy-dba", "service-account-batch");
        var missing = figures.privilege().get(1);
        assertThat(missing.inKeycloak()).as("no such group in Keycloak").isFalse();
    }

    @Test
    void keycloakAwayLeavesOutOnlyTheStandingPrivilege() {
        active("alice", NOW.minus(Duration.ofMinutes(30)));
        keycloakAway = true;

        var figures = dashboards.oversight();

        assertThat(figures.activeGrants()).isEqualTo(1);
        assertThat(figures.timeToApprove().count()).isEqualTo(1);
        assertThat(figures.privilege()).isEmpty();
        assertThat(figures.privilegeUnavailable()).get().asString().contains("Keycloak cannot be reached");
    }

    // --- writs -------------------------------------------------------------------------------------------------

    private Writ pending(String requester, int approvals, Instant submittedAt) {
        var writ = Writs.ask().by(requester).ticket("CHG-1", TicketStatus.open("CHG-1")).submitAt(submittedAt);
        writ.applyPolicy(ApprovalPolicy.approvals(approvals, "approver", 240), submittedAt);
        kept.add(writ);
        return writ;
    }

    /** Submitted then, approved by bob and carol ten minutes later, granted at once. */
    private Writ active(String requester, Instant submittedAt) {
        var writ = pending(requester, 2, submittedAt);
        writ.approve(BOB, null, submittedAt.plus(Duration.ofMinutes(5)));
        writ.approve(CAROL, null, submittedAt.plus(Duration.ofMinutes(10)));
        writ.recordGrant(submittedAt.plus(Duration.ofMinutes(10)), submittedAt.plus(Duration.ofMinutes(10)));
        return writ;
    }

    private final class KeptWrits implements WritRepository {
        public void save(Writ writ) { kept.add(writ); }
        public Optional<Writ> byId(String id) {
            return kept.stream().filter(w -> w.id().equals(id)).findFirst();
        }
        public List<Writ> mine(String requester) {
            return kept.stream().filter(w -> w.requester().equals(requester))
                    .sorted(Comparator.comparing(Writ::submittedAt).reversed()).toList();
        }
        public Map<String, List<Writ>> latestOf(Set<String> requesters, int max) { return Map.of(); }
        public List<Writ> awaitingDecision() { return inState(WritState.PENDING_APPROVAL); }
        public List<Writ> activeWithTicket(String ticketRef) { return List.of(); }
        @Override
        public List<String> ticketsOfActiveWrits() { return List.of(); }
        public List<Writ> activeFor(String target) { return List.of(); }
        public List<Writ> extensionAwaitingDecision() { return List.of(); }
        public List<Writ> grantedTo(String target, int max) { return List.of(); }
        public List<Writ> awaitingPostIncidentReview() { return List.of(); }
        public List<Writ> awaitingPostAccessReviewBy(String who) { return List.of(); }
        public List<Writ> activeEndingBefore(Instant instant) { return List.of(); }
        public List<Writ> active() { return inState(WritState.ACTIVE); }
        public List<Writ> decidedSince(Instant since) {
            return kept.stream().filter(w -> w.decidedAt().filter(at -> !at.isBefore(since)).isPresent()).toList();
        }
        public List<Writ> submittedBetween(Instant from, Instant to) {
            return kept.stream().filter(w -> !w.submittedAt().isBefore(from) && w.submittedAt().isBefore(to)).toList();
        }
        public List<Writ> awaitingCorroboration(Instant since, int max) { throw new UnsupportedOperationException(); }
        public java.util.Optional<Instant> tokensRejectedFrom(String target) {
            throw new UnsupportedOperationException();
        }
        public List<Writ> grantsOf(String targetId, String entitlement) { throw new UnsupportedOperationException(); }
        @Override
        public List<Writ> grantsAround(String targetId, String entitlement, Instant at, java.time.Duration skew) {
            throw new UnsupportedOperationException();
        }
        public List<Writ> grantedSince(Instant since) {
            return kept.stream().filter(w -> w.grant().filter(g -> !g.grantedAt().isBefore(since)).isPresent())
                    .toList();
        }
        @Override
        public List<Writ> revokedSince(Instant since) {
            return kept.stream().filter(w -> w.grant().flatMap(g -> g.confirmedAbsentAt())
                    .filter(at -> !at.isBefore(since)).isPresent()).toList();
        }
        private List<Writ> inState(WritState state) {
            return kept.stream().filter(w -> w.state() == state).toList();
        }
    }

    private record Catalogue(List<Entitlement> entries) implements EntitlementCatalogue {
        public List<Entitlement> all() { return entries; }
        public Optional<Entitlement> named(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst();
        }
        public void add(Entitlement entitlement) { throw new UnsupportedOperationException(); }
    }

    private final class Assignments implements AccessAssignments {
        public Set<String> holdersOf(Entitlement entitlement) {
            if (keycloakAway) {
                throw new DirectoryUnavailable("connection refused", null);
            }
            var found = holders.get(entitlement.name());
            if (found == null) {
                throw new NotInDirectory("No group '" + entitlement.name() + "' in Keycloak realm 'writ'");
            }
            return found;
        }
        public Added grant(DirectoryRef identity, Entitlement entitlement) { throw new UnsupportedOperationException(); }
        public Removed revoke(DirectoryRef identity, Entitlement entitlement) {
            throw new UnsupportedOperationException();
        }
        public boolean holds(String username, Entitlement entitlement) { return false; }
        public Set<String> realmRolesOf(String username) { return Set.of(); }
        public LoggedOut logout(DirectoryRef identity) { throw new UnsupportedOperationException(); }
        public java.time.Duration longestAccessToken() { throw new UnsupportedOperationException(); }
    }
}

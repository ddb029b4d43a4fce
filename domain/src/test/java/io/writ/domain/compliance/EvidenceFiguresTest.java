package io.writ.domain.compliance;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.audit.Verdict;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.nhi.NhiStanding;
import io.writ.domain.review.ReviewTimeliness;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionSource;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writs;
import io.writ.domain.stepup.SignIn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each evidence figure computed from records whose answer is known, and traced back to them. */
class EvidenceFiguresTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final EvidencePeriod PERIOD = new EvidencePeriod(T0, T0.plus(Duration.ofDays(1)));
    static final Instant NOW = T0.plus(Duration.ofDays(2));
    static final Approver BOB = Approver.of("bob", "approver");
    static final NhiStanding NO_NHIS = new NhiStanding(0, 0, List.of(), 0, List.of());
    static final ReviewTimeliness NO_REVIEWS = new ReviewTimeliness(0, 0, List.of());
    static final Verdict INTACT = new Verdict(true, 42, 3, Optional.empty(),
            Optional.of(new Checkpoint(40, "ab".repeat(32), T0, "sig")));

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Writ writ(String ticket, String requester, String target, String owner, long submittedAt) {
        var ask = Writs.ask().by(requester).justification("rotate the replica credentials");
        ask = owner == null ? ask.forTarget(target) : ask.forNhi(target, owner);
        // only break-glass goes without a ticket
        ask = ticket == null ? ask.ticket(null, null).breakGlass() : ask.ticket(ticket, TicketStatus.open(ticket));
        var w = ask.submitAt(at(submittedAt));
        w.applyPolicy(ticket == null ? ApprovalPolicy.autoApproved("approver", 240)
                : ApprovalPolicy.approvals(1, "approver", 240), at(submittedAt));
        return w;
    }

    /** Approved by bob, granted one minute later, window of 60 minutes, revoked {@code lagSeconds} after it ended. */
    static Writ revoked(long submittedAt, long lagSeconds) {
        var w = writ("CHG-1", "alice", "alice", null, submittedAt);
        w.approve(BOB, null, at(submittedAt + 1));
        w.recordGrant(at(submittedAt + 1), at(submittedAt + 1));
        var end = at(submittedAt + 61);
        w.requestEnd(RevocationReason.WINDOW_ENDED, "system", end);
        w.recordRevocation(new Revocation(end.plusSeconds(lagSeconds), end.plusSeconds(lagSeconds),
                end.plusSeconds(lagSeconds), 0, null, null));
        return w;
    }

    static Map<String, EvidenceFigure> figures(List<Writ> writs, List<Alert> alerts,
                                               List<PrivilegedSession> sessions, Verdict audit) {
        return EvidenceFigures.compute(PERIOD, writs, alerts, sessions, NO_REVIEWS, NO_NHIS, audit, List.of(), NOW).stream()
                .collect(Collectors.toMap(EvidenceFigure::key, Function.identity()));
    }

    @Test
    void aRevocationsReceiptIsCompleteWhenMeasuredAndCorroboratedByKeycloaksRecordsOfBothChanges() {
        var prodDb = new io.writ.domain.entitlement.Entitlement("prod-db-admin",
                io.writ.domain.entitlement.EntitlementKind.REALM_ROLE, null, RiskTier.HIGH, 240, 1, "approver", 90,
                "carol");
        var w = Writs.ask().targetId("id-alice").submitAt(at(10));
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at(10));
        w.approve(BOB, null, at(11));
        w.recordGrant(at(11).plusMillis(100), at(11).plusMillis(200));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));
        w.recordRevocation(new Revocation(at(20).plusMillis(100), at(20).plusMillis(150), at(20).plusMillis(200), 1,
                at(20), at(21)));
        var records = List.of(
                new io.writ.domain.identity.EntitlementChange("add", at(11).plusMillis(150),
                        io.writ.domain.identity.EntitlementChange.Operation.ADDED, "id-alice",
                        io.writ.domain.entitlement.EntitlementKind.REALM_ROLE, java.util.Set.of("prod-db-admin"), "admin"),
                new io.writ.domain.identity.EntitlementChange("del", at(20).plusMillis(120),
                        io.writ.domain.identity.EntitlementChange.Operation.REMOVED, "id-alice",
                        io.writ.domain.entitlement.EntitlementKind.REALM_ROLE, java.util.Set.of("prod-db-admin"), "admin"));
        var witnesses = java.util.stream.Stream.of(io.writ.domain.receipt.Corroboration.Step.values())
                .map(step -> io.writ.domain.receipt.Corroboration.judge(w, prodDb, step, records, at(30),
                        java.util.Set.of()).orElseThrow())
                .toList();

        var complete = EvidenceFigures.compute(PERIOD, List.of(w), List.of(), List.of(), NO_REVIEWS, NO_NHIS,
                INTACT, witnesses, NOW).stream().filter(f -> f.key().equals("revocations-with-complete-receipt"))
                .findFirst().orElseThrow();
        var unread = figures(List.of(w), List.of(), List.of(), INTACT).get("revocations-with-complete-receipt");

        assertThat(complete.shown()).isEqualTo("100.0 % (1 of 1)");
        assertThat(unread.shown()).as("Keycloak's records not read").isEqualTo("0.0 % (0 of 1)");
        assertThat(unread.records()).singleElement().satisfies(r -> assertThat(r.detail()).contains("incomplete"));
    }

    @Test
    void theTicketShareCountsWritsSubmittedInThePeriodAndNamesThoseWithoutOne() {
        var withTicket = writ("CHG-1", "alice", "alice", null, 10);
        var without = writ(null, "alice", "alice", null, 20);
        var before = writ(null, "alice", "alice", null, -5);

        var f = figures(List.of(withTicket, without, before), List.of(), List.of(), INTACT).get("ticket-share");

        assertThat(f.value()).contains(50.0);
        assertThat(f.shown()).isEqualTo("50.0 % (1 of 2)");
        assertThat(f.records()).extracting(EvidenceRecord::id).containsExactly(withTicket.id(), without.id());
        assertThat(f.exceptions()).extracting(EvidenceRecord::id).containsExactly(without.id());
    }

    @Test
    void decisionsOnWritsThatAskedForStepUpAreCountedByHowTheirApproverSignedIn() {
        var critical = Writs.ask().entitlement("k8s-cluster-admin", RiskTier.CRITICAL).submitAt(at(10));
        critical.applyPolicy(ApprovalPolicy.approvals(2, "approver", 60), at(10));
        critical.approve(BOB.signedIn(new SignIn("mfa", at(11))), null, at(11));
        var high = writ("CHG-2", "alice", "alice", null, 12);
        high.approve(BOB.signedIn(new SignIn("password", at(13))), null, at(13));

        var f = figures(List.of(critical, high), List.of(), List.of(), INTACT).get("step-up-decisions");

        assertThat(f.control()).isEqualTo(PortalControl.STEP_UP_AUTHENTICATION);
        assertThat(f.shown()).as("only the writ that asked for step-up counts").isEqualTo("100.0 % (1 of 1)");
        assertThat(f.records()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(critical.id() + "/bob");
            assertThat(r.detail()).isEqualTo("bob approved k8s-cluster-admin, sign-in: acr mfa, signed in at "
                    + at(11));
        });
    }

    @Test
    void aDecisionByTheOwnerOfTheTargetIsASeparationOfDutiesViolation() {
        var clean = writ("CHG-1", "alice", "alice", null, 10);
        clean.approve(BOB, null, at(11));
        var byOwner = writ("CHG-2", "alice", "ci-deployer", "alice", 12);
        // Recorded as stored in the database: the aggregate itself refuses it, so the evidence reads it back.
        var records = List.of(clean);

        var f = figures(records, List.of(), List.of(), INTACT).get("sod-clean-approvals");

        assertThat(f.value()).contains(100.0);
        assertThat(f.records()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(clean.id());
            assertThat(r.detail()).isEqualTo("approve by bob");
        });
        assertThatThrownBy(() -> byOwner.approve(Approver.of("alice", "approver"), null, at(13)))
                .as("the rule the figure checks is the writ's own").hasMessageContaining("you asked for writ");
    }

    @Test
    void meanAndP99RevocationLagComeFromTheReadBackTimes() {
        var writs = new java.util.ArrayList<Writ>();
        for (int i = 1; i <= 100; i++) {
            writs.add(revoked(i, i)); // lags 1 s .. 100 s
        }

        var f = figures(writs, List.of(), List.of(), INTACT);

        assertThat(f.get("revocation-lag-mean").value()).contains(50.5);
        assertThat(f.get("revocation-lag-p99").value()).contains(99.0);
        assertThat(f.get("revocation-lag-mean").records()).hasSize(100);
        assertThat(f.get("grants-past-window").value()).contains(0.0);
    }

    @Test
    void aGrantWhoseWindowEndedWithoutReadBackIsHeldPastItsWindow() {
        var held = writ("CHG-1", "alice", "alice", null, 10);
        held.approve(BOB, null, at(11));
        held.recordGrant(at(11), at(11));

        var f = figures(List.of(held, revoked(30, 2)), List.of(), List.of(), INTACT).get("grants-past-window");

        assertThat(f.value()).contains(1.0);
        assertThat(f.exceptions()).extracting(EvidenceRecord::id).containsExactly(held.id());
        assertThat(f.shown()).isEqualTo("1 of 2 grants");
    }

    @Test
    void containmentCountsWritsAndTimesFromAlertToContainment() {
        var a = Alert.raise(AlertRule.OUT_OF_SCOPE_COMMAND, "alice", "writ-1", RiskTier.HIGH, "s1", "e1", "drop", at(10));
        a.startContainment();
        a.contained("revoked", at(10).plusSeconds(4));
        var b = Alert.raise(AlertRule.OUT_OF_SCOPE_TARGET, "alice", "writ-1", RiskTier.HIGH, "s1", "e2", "x", at(11));
        b.startContainment();
        b.contained("revoked", at(11).plusSeconds(2));
        var open = Alert.raise(AlertRule.UNLINKED_PRIVILEGED_SESSION, "eve", null, null, "s2", "e3", "y", at(12));

        var f = figures(List.of(), List.of(a, b, open), List.of(), INTACT);

        assertThat(f.get("contained-writs").value()).contains(1.0);
        assertThat(f.get("time-to-contain-mean").value()).contains(3.0);
        assertThat(f.get("time-to-contain-mean").records()).extracting(EvidenceRecord::id)
                .containsExactly(a.id(), b.id());
    }

    @Test
    void unlinkedSessionsAreCountedAndNamed() {
        var covering = writ("CHG-1", "alice", "alice", null, 1);
        covering.approve(BOB, null, at(2));
        covering.recordGrant(at(2), at(2));
        var linked = PrivilegedSession.open(SessionSource.BASTION, "b-1", "alice", Optional.of(covering), at(3));
        var unlinked = PrivilegedSession.open(SessionSource.BASTION, "b-2", "eve", Optional.empty(), at(4));
        var outside = PrivilegedSession.open(SessionSource.BASTION, "b-3", "eve", Optional.empty(), at(-10));

        var f = figures(List.of(), List.of(), List.of(linked, unlinked, outside), INTACT).get("unlinked-sessions");

        assertThat(f.value()).contains(1.0);
        assertThat(f.exceptions()).extracting(EvidenceRecord::id).containsExactly(unlinked.id());
        assertThat(f.records()).hasSize(2);
    }

    @Test
    void theAuditChainFigureSaysWhetherItIsIntactAndNamesTheCheckpoint() {
        var intact = figures(List.of(), List.of(), List.of(), INTACT).get("audit-chain-intact");
        var broken = figures(List.of(), List.of(), List.of(),
                new Verdict(false, 7, 0, Optional.empty(), Optional.empty())).get("audit-chain-intact");

        assertThat(intact.value()).contains(1.0);
        assertThat(intact.records()).extracting(EvidenceRecord::id).containsExactly("40");
        assertThat(broken.value()).contains(0.0);
        assertThat(broken.shown()).startsWith("NO:");
    }

    @Test
    void controlsWithoutASourceSaySoInsteadOfShowingZero() {
        var f = figures(List.of(), List.of(), List.of(), INTACT);

        assertThat(f.get("reviews-on-time").shown()).isEqualTo("nothing in the period");
        assertThat(f.get("nhis-with-owner").value()).isEmpty();
        assertThat(f.get("nhis-with-owner").shown()).isEqualTo("no NHI in the inventory");
        assertThat(f.get("break-glass-reviewed-on-time").shown()).isEqualTo("nothing in the period");
        assertThat(f.get("ticket-share").shown()).as("nothing to compute from").isEqualTo("nothing in the period");
        assertThat(f.values()).extracting(EvidenceFigure::control).contains(PortalControl.values());
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThatThrownBy(() -> new EvidencePeriod(T0, T0)).hasMessageContaining("to: must be after from");
    }

    /** Alice broke the glass at minute 0 (granted at once), ended it at 20; review due at minute 120. */
    static Writ brokenGlass(long submittedAt) {
        var w = Writs.ask().ticket(null, null).breakGlass().justification("production is down").minutes(30)
                .submitAt(at(submittedAt));
        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(submittedAt));
        w.recordGrant(at(submittedAt), at(submittedAt));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(submittedAt + 20));
        w.recordRevocation(new Revocation(at(submittedAt + 20), at(submittedAt + 20), at(submittedAt + 20), 0,
                null, null));
        w.requirePostIncidentReview(at(submittedAt + 120), at(submittedAt + 20));
        return w;
    }

    @Test
    void breakGlassIsReviewedOnTimeWhenTheReviewMetItsDeadline() {
        var onTime = brokenGlass(0);
        onTime.recordPostIncidentReview("dave", "the outage was real", at(60));
        var late = brokenGlass(10);
        late.recordPostIncidentReview("dave", "late but done", at(300));
        var missed = brokenGlass(20);

        var f = figures(List.of(onTime, late, missed), List.of(), List.of(), INTACT).get("break-glass-reviewed-on-time");

        assertThat(f.shown()).isEqualTo("33.3 % (1 of 3)");
        assertThat(f.records()).extracting(EvidenceRecord::id, EvidenceRecord::passes).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(onTime.id(), true), org.assertj.core.groups.Tuple.tuple(late.id(), false),
                org.assertj.core.groups.Tuple.tuple(missed.id(), false));
    }

    @Test
    void nhiFiguresComeFromTheInventory() {
        var orphan = new io.writ.domain.nhi.Nhi("legacy-job", "service-account-legacy-job", null, Optional.empty(),
                Optional.empty(), java.util.Set.of(), Optional.empty(), java.util.Set.of(io.writ.domain.nhi.NhiFinding.NO_OWNER,
                io.writ.domain.nhi.NhiFinding.SECRET_OLDER_THAN_POLICY));

        var f = nhiFigures(new NhiStanding(2, 1, List.of(orphan), 1, List.of(orphan)));

        assertThat(f.get("nhis-with-owner").shown()).isEqualTo("50.0 % (1 of 2)");
        assertThat(f.get("nhis-with-owner").records()).extracting(EvidenceRecord::id, EvidenceRecord::passes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("legacy-job", false));
        assertThat(f.get("secrets-older-than-policy").shown()).isEqualTo("1 of 2 secrets");
        assertThat(f.get("secrets-older-than-policy").value()).contains(1.0);
        assertThat(f.get("secrets-older-than-policy").records()).extracting(EvidenceRecord::id)
                .containsExactly("legacy-job");
    }

    @Test
    void aLargeInventoryIsCountedAndOnlyItsFirstFailingNhisAreListed() {
        var orphan = new io.writ.domain.nhi.Nhi("job-0001", "service-account-job-0001", null, Optional.empty(),
                Optional.empty(), java.util.Set.of(), Optional.empty(), java.util.Set.of(io.writ.domain.nhi.NhiFinding.NO_OWNER,
                io.writ.domain.nhi.NhiFinding.SECRET_AGE_UNKNOWN));

        var f = nhiFigures(new NhiStanding(50_000, 10_000, List.of(orphan), 250, List.of(orphan)));

        assertThat(f.get("nhis-with-owner").value()).contains(80.0);
        assertThat(f.get("nhis-with-owner").shown()).isEqualTo("80.0 % (40000 of 50000); the first 1 of the 10000 "
                + "without an accountable owner listed (all: GET /api/v1/nhis?finding=NO_OWNER or OWNER_DISABLED)");
        assertThat(f.get("secrets-older-than-policy").value()).contains(250.0);
        assertThat(f.get("secrets-older-than-policy").shown()).startsWith("250 of 50000 secrets; the first 1 of the "
                + "250 due listed");
        assertThat(f.get("secrets-older-than-policy").records()).extracting(EvidenceRecord::detail)
                .containsExactly("secret age unknown");
    }

    @Test
    void reviewsOnTimeAreCountedAndOnlyTheFirstLateItemsAreListed() {
        var item = io.writ.domain.review.ReviewItem.nhiCredential("job-0001", "service-account-job-0001", null,
                new io.writ.domain.review.UsageEvidence(T0, 0, Optional.empty(), 0, 0, null), "admin");
        var deadline = T0.plus(Duration.ofDays(1));
        var campaign = io.writ.domain.review.ReviewCampaign.open(List.of(), List.of("job-0001"), List.of(item), "erin",
                T0, deadline);

        var f = EvidenceFigures.compute(PERIOD, List.of(), List.of(), List.of(),
                new ReviewTimeliness(49_000, 1_000, List.of(new ReviewTimeliness.Late(item, deadline))), NO_NHIS,
                INTACT, List.of(), NOW).stream().filter(x -> x.key().equals("reviews-on-time")).findFirst()
                .orElseThrow();

        assertThat(f.value()).contains(98.0);
        assertThat(f.shown()).isEqualTo("98.0 % (49000 of 50000); the first 1 of the 1000 late listed");
        assertThat(f.records()).singleElement().satisfies(late -> {
            assertThat(late.passes()).isFalse();
            assertThat(late.detail()).isEqualTo("service-account-job-0001 / job-0001: OPEN, campaign "
                    + campaign.id() + " due " + deadline);
        });
    }

    private static Map<String, EvidenceFigure> nhiFigures(NhiStanding standing) {
        return EvidenceFigures.compute(PERIOD, List.of(), List.of(), List.of(), NO_REVIEWS, standing, INTACT,
                List.of(), NOW).stream().collect(java.util.stream.Collectors.toMap(EvidenceFigure::key, x -> x));
    }
}

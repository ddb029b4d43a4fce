package io.writ.domain.alert;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEventType;
import io.writ.domain.session.SessionSource;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Alice's prod-db-admin writ runs from minute 10 to minute 70, scoped to orders-db-* and psql/reindex. */
class DetectionTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final DeclaredScope SCOPE = DeclaredScope.of(List.of("orders-db-*"), List.of("psql*", "reindex*"),
            List.of("/srv/exports/*"));

    private final Writ writ = activeWrit(false);
    private final PrivilegedSession session = PrivilegedSession.open(SessionSource.BASTION, "s-1", "alice",
            Optional.of(writ), at(20));

    @Test
    void anEventWithinScopeRaisesNothing() {
        var verdict = judge(event("e1", SessionEventType.COMMAND, at(20), "orders-db-1", "psql -c 'select 1'"));

        assertThat(verdict.inScope()).isTrue();
        assertThat(verdict.findings()).isEmpty();
    }

    @Test
    void aCommandOutsideTheDeclaredPatternsIsOutOfScopeOncePerSession() {
        var first = judge(event("e1", SessionEventType.COMMAND, at(20), "orders-db-1", "drop table orders"));
        var second = judge(event("e2", SessionEventType.COMMAND, at(21), "orders-db-1", "rm -rf /"));

        assertThat(first.inScope()).isFalse();
        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(AlertRule.OUT_OF_SCOPE_COMMAND);
            assertThat(f.writ()).contains(writ);
            assertThat(f.evidence()).contains("drop table orders").contains("e1").contains(writ.id());
        });
        assertThat(second.inScope()).isFalse();
        assertThat(second.findings()).as("one alert per rule and session").isEmpty();
    }

    @Test
    void aTargetOutsideTheDeclaredSystemsIsOutOfScope() {
        var verdict = judge(event("e1", SessionEventType.COMMAND, at(20), "billing-db-1", "psql"));

        assertThat(verdict.findings()).extracting(Detection.Finding::rule)
                .containsExactly(AlertRule.OUT_OF_SCOPE_TARGET);
    }

    @Test
    void aFileSentOutsideTheAllowedDestinationsIsADisallowedTransfer() {
        assertThat(judge(event("e1", SessionEventType.FILE_TRANSFER, at(20), "/srv/exports/orders.csv", null))
                .findings()).isEmpty();
        assertThat(judge(event("e2", SessionEventType.FILE_TRANSFER, at(21), "s3://somewhere-else/dump", null))
                .findings()).extracting(Detection.Finding::rule).containsExactly(AlertRule.DISALLOWED_FILE_TRANSFER);
    }

    @Test
    void activityAfterTheGrantEndedIsFlaggedAgainstThatWrit() {
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(30));
        var later = PrivilegedSession.open(SessionSource.BASTION, "s-2", "alice", Optional.empty(), at(40));

        var verdict = Detection.judge(event("e1", SessionEventType.COMMAND, at(40), "orders-db-1", "psql"), later,
                Optional.empty(), Optional.of(writ), () -> false);

        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(AlertRule.ACTIVITY_AFTER_GRANT_ENDED);
            assertThat(f.writ()).contains(writ);
            assertThat(f.evidence()).contains("ended at " + at(30));
        });
    }

    @Test
    void aPrivilegedIdentityWithNoWritAtAllIsAnUnlinkedSession() {
        var unlinked = PrivilegedSession.open(SessionSource.BASTION, "s-3", "mallory", Optional.empty(), at(40));

        var verdict = Detection.judge(new ReportedEvent("e1", "s-3", "mallory", SessionEventType.SESSION_START, at(40),
                "orders-db-1", null), unlinked, Optional.empty(), Optional.empty(), () -> false);

        assertThat(verdict.inScope()).isFalse();
        assertThat(verdict.findings()).extracting(Detection.Finding::rule)
                .containsExactly(AlertRule.UNLINKED_PRIVILEGED_SESSION);
    }

    @Test
    void everyBreakGlassSessionIsFlaggedForTriage() {
        var breakGlass = activeWrit(true);
        var s = PrivilegedSession.open(SessionSource.BASTION, "s-4", "alice", Optional.of(breakGlass), at(20));

        var verdict = Detection.judge(event("e1", SessionEventType.COMMAND, at(20), "orders-db-1", "psql"), s,
                Optional.of(breakGlass), Optional.empty(), () -> false);

        assertThat(verdict.inScope()).isTrue();
        assertThat(verdict.findings()).extracting(Detection.Finding::rule).containsExactly(AlertRule.BREAK_GLASS_USE);
    }

    @Test
    void anInteractiveSessionOfAServiceAccountIsAPersonUsingItsCredentials() {
        var nhi = "service-account-ci-deployer";
        var s = PrivilegedSession.open(SessionSource.BASTION, "s-5", nhi, Optional.empty(), at(20));

        var verdict = Detection.judge(new ReportedEvent("e1", "s-5", nhi, SessionEventType.SESSION_START, at(20),
                "orders-db-1", "interactive ssh, tty"), s, Optional.empty(), Optional.empty(), () -> true);

        assertThat(verdict.findings()).extracting(Detection.Finding::rule)
                .containsExactly(AlertRule.UNLINKED_PRIVILEGED_SESSION, AlertRule.HUMAN_USE_OF_NHI);
    }

    @Test
    void anInteractiveSessionOfAPersonIsNoNhiMisuseWhateverTheirName() {
        var person = "service-account-ci-deployer"; // a person may be called anything
        var s = PrivilegedSession.open(SessionSource.BASTION, "s-7", person, Optional.empty(), at(20));

        var verdict = Detection.judge(new ReportedEvent("e1", "s-7", person, SessionEventType.SESSION_START, at(20),
                "orders-db-1", "interactive ssh, tty"), s, Optional.empty(), Optional.empty(), () -> false);

        assertThat(verdict.findings()).extracting(Detection.Finding::rule)
                .containsExactly(AlertRule.UNLINKED_PRIVILEGED_SESSION);
    }

    @Test
    void aLightSessionCountsAndDigestsEventsWithoutKeepingThem() {
        var light = activeWrit(Writs.ask().coverage(SessionCoverage.LIGHT));
        var s = PrivilegedSession.open(SessionSource.BASTION, "s-6", "alice", Optional.of(light), at(20));
        var before = s.digest();

        var kept = s.record(event("e1", SessionEventType.COMMAND, at(20), "orders-db-1", "psql"), true);

        assertThat(kept).isFalse();
        assertThat(s.eventCount()).isEqualTo(1);
        assertThat(s.commandCount()).isEqualTo(1);
        assertThat(s.digest()).hasSize(64).isNotEqualTo(before);
        assertThat(s.record(event("e2", SessionEventType.COMMAND, at(21), "orders-db-1", "drop table"), false))
                .as("an out-of-scope event is an incident's evidence: kept even under LIGHT").isTrue();
    }

    private static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    private static ReportedEvent event(String id, SessionEventType type, Instant at, String target, String detail) {
        return new ReportedEvent(id, "s-1", "alice", type, at, target, detail);
    }

    private Detection.Verdict judge(ReportedEvent e) {
        return Detection.judge(e, session, Optional.of(writ), Optional.empty(), () -> {
            throw new AssertionError("only an interactive session's start asks what its identity is");
        });
    }

    private static Writ activeWrit(boolean breakGlass) {
        var ask = Writs.ask().coverage(SessionCoverage.FULL);
        return activeWrit(breakGlass ? ask.ticket(null, null).breakGlass() : ask);
    }

    private static Writ activeWrit(Writs.Ask ask) {
        var w = ask.justification("rebuild the orders index").scope(SCOPE).submit();
        w.applyPolicy(w.breakGlass() ? ApprovalPolicy.autoApproved("approver", 240)
                : ApprovalPolicy.approvals(1, "approver", 240), T0);
        if (!w.breakGlass()) {
            w.approve(Approver.of("bob", "approver"), null, at(5));
        }
        w.recordGrant(at(10), at(10));
        return w;
    }
}

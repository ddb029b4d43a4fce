package io.writ.workflow.writ.process;

import io.writ.domain.stepup.SignIn;
import io.writ.domain.NotFound;
import io.writ.domain.NotPermitted;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeKind;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.Writs;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeKeycloak;
import io.writ.workflow.fakes.FakeWrits;
import io.writ.workflow.fakes.Recorded;
import io.writ.workflow.writ.WritParts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps of a writ's process, on fakes of Keycloak, the database, the audit trail and the outbox. */
class ElevationStepsTest {

    private static final Instant NOW = Writs.T0.plus(Duration.ofMinutes(1));

    private final Recorded recorded = new Recorded();
    private final FakeKeycloak keycloak = new FakeKeycloak().person("alice", "requester").person("bob", "approver")
            .person("carol", "approver");
    private final DemoCatalogue catalogue = new DemoCatalogue();
    private final FakeWrits writs = WritParts.kept(recorded);
    private final ElevationSteps steps = new ElevationSteps();

    ElevationStepsTest() {
        steps.writs = writs;
        steps.catalogue = catalogue;
        steps.assignments = keycloak;
        steps.approvers = WritParts.approvers(keycloak);
        steps.settings = WritParts.settings();
        steps.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        keycloak.at(steps.clock);
    }

    @Test
    void thePolicyAppliedPutsTheWritBeforeItsApproversButNotItsRequester() {
        var writ = submitted();

        steps.applyPolicy(writ.id(), 2, 240, false, false);

        assertThat(writ.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(actions(writ)).containsExactly("writ.policy-applied");
        assertThat(recorded.noticesAbout(writ.id())).singleElement().satisfies(asked -> {
            assertThat(asked.kind()).isEqualTo(NoticeKind.DECISION_NEEDED);
            assertThat(asked.audience().groups()).containsExactly("approver");
            assertThat(asked.audience().admits("alice")).isFalse();
        });
    }

    @Test
    void aDecisionNobodyIsNamedForIsRefusedAndChangesNothing() {
        var writ = pending();

        assertThatThrownBy(() -> steps.recordDecision(writ.id(), null, SignIn.UNKNOWN, Decision.APPROVE, null))
                .isInstanceOf(NotPermitted.class);
        assertThat(writ.approvals()).isEmpty();
        assertThat(actions(writ)).containsExactly("writ.policy-applied");
    }

    @Test
    void theSecondApprovalApprovesItAndTheRequesterIsTold() {
        var writ = pending();

        assertThat(steps.recordDecision(writ.id(), "bob", SignIn.UNKNOWN, Decision.APPROVE, "ok")).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(steps.recordDecision(writ.id(), "carol", SignIn.UNKNOWN, Decision.APPROVE, null)).isEqualTo(WritState.APPROVED);

        assertThat(actions(writ)).containsExactly("writ.policy-applied", "writ.approved", "writ.approved");
        assertThat(recorded.noticesAbout(writ.id())).extracting(Notice::kind)
                .containsExactly(NoticeKind.DECISION_NEEDED, NoticeKind.APPROVED);
    }

    @Test
    void theGrantIsMadeInKeycloakOnceEvenWhenTheStepRunsAgain() {
        var writ = approved();

        var windowEnd = steps.grant(writ.id());

        assertThat(keycloak.heldBy("alice")).containsExactly("prod-db-admin");
        assertThat(writ.state()).isEqualTo(WritState.ACTIVE);
        assertThat(windowEnd).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(steps.grant(writ.id())).as("a retried step").isEqualTo(windowEnd);
        assertThat(actions(writ)).containsOnlyOnce("writ.granted");
    }

    @Test
    void aRevocationRemovesTheEntitlementLogsOutAndAsksWhetherItWasUsedAsIntended() {
        var writ = approved();
        steps.grant(writ.id());
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", NOW);
        writs.save(writ);

        steps.revoke(writ.id());
        steps.revoke(writ.id());

        assertThat(keycloak.heldBy("alice")).isEmpty();
        assertThat(recorded.audit.about(WritEvent.subjectOf(writ.id()))).filteredOn(e -> e.action().equals("writ.revoked"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("1 session(s) logged out"));
        assertThat(recorded.noticesAbout(writ.id())).extracting(Notice::kind)
                .endsWith(NoticeKind.REVOKED, NoticeKind.POST_ACCESS_REVIEW_NEEDED);
    }

    @Test
    void ofTwoActiveWritsForOneEntitlementTheFirstToEndKeepsItForTheOtherAndTheLastRemovesIt() {
        var first = approved();
        steps.grant(first.id());
        var second = approved();
        steps.grant(second.id());
        first.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", NOW);
        writs.save(first);

        steps.revoke(first.id());

        assertThat(keycloak.heldBy("alice")).as("the second writ still covers it").containsExactly("prod-db-admin");
        var kept = first.grant().orElseThrow();
        assertThat(kept.keptByWrit()).contains(second.id());
        assertThat(kept.keptUntil()).contains(second.grant().orElseThrow().windowEnd());
        assertThat(kept.confirmedAbsentAt()).as("nothing was removed, so nothing is claimed absent").isEmpty();
        assertThat(actions(first)).contains("writ.access-kept").doesNotContain("writ.revoked");
        assertThat(second.state()).isEqualTo(WritState.ACTIVE);

        second.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", NOW);
        writs.save(second);
        steps.revoke(second.id());

        assertThat(keycloak.heldBy("alice")).as("the last writ to end removes it").isEmpty();
        assertThat(second.grant().orElseThrow().confirmedAbsentAt()).isPresent();
    }

    @Test
    void theWindowsTimerAfterTheWritEndedAnotherWayChangesNothing() {
        var writ = approved();
        steps.grant(writ.id());
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", NOW);
        writs.save(writ);

        steps.endWindow(writ.id());

        assertThat(writ.grant().orElseThrow().revocationReason()).contains(RevocationReason.ENDED_BY_REQUESTER);
        assertThat(actions(writ)).doesNotContain("writ.window-ended");
    }

    @Test
    void anEntitlementThatLeftTheCatalogueIsNotFoundNotAFailureOfThePortal() {
        var writ = submitted();
        catalogue.remove("prod-db-admin");

        assertThatThrownBy(() -> steps.applyPolicy(writ.id(), 2, 240, false, false)).isInstanceOf(NotFound.class)
                .hasMessageContaining("prod-db-admin");
        assertThat(writ.state()).isEqualTo(WritState.SUBMITTED);
    }

    private Writ submitted() {
        var writ = Writs.ask().submit();
        writs.save(writ);
        recorded.audit.entries.clear();
        return writ;
    }

    private Writ pending() {
        var writ = submitted();
        steps.applyPolicy(writ.id(), 2, 240, false, false);
        return writ;
    }

    private Writ approved() {
        var writ = pending();
        steps.recordDecision(writ.id(), "bob", SignIn.UNKNOWN, Decision.APPROVE, null);
        steps.recordDecision(writ.id(), "carol", SignIn.UNKNOWN, Decision.APPROVE, null);
        return writ;
    }

    private java.util.List<String> actions(Writ writ) {
        return recorded.actionsAbout(WritEvent.subjectOf(writ.id()));
    }
}

package io.writ.workflow.writ;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritForm;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.WritStateConflict;
import io.writ.workflow.breakglass.process.BreakGlassProcess;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeKeycloak;
import io.writ.workflow.fakes.FakeWrits;
import io.writ.workflow.fakes.Recorded;
import io.writ.workflow.writ.process.ElevationProcess;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** What people ask of writs, on fakes of Keycloak, the database, the audit trail and the outbox. */
class WritDeskTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final Recorded recorded = new Recorded();
    private final FakeKeycloak keycloak = new FakeKeycloak().person("alice", "requester")
            .person("bob", "approver").person("carol", "approver").nhi("ci-deployer", "alice")
            .person("service-account-backup", "requester"); // a person, whatever the name says
    private final FakeWrits writs = WritParts.kept(recorded);
    private final WritDesk desk = new WritDesk();

    WritDeskTest() {
        desk.writs = writs;
        desk.catalogue = new DemoCatalogue();
        desk.tickets = ref -> ref.startsWith("CHG-") ? TicketStatus.open(ref)
                : TicketStatus.malformed(ref + " is not a ticket reference");
        desk.directory = keycloak;
        desk.nhiClients = keycloak;
        desk.assignments = keycloak;
        desk.approvers = WritParts.approvers(keycloak);
        desk.process = mock(ElevationProcess.class);
        desk.breakGlass = mock(BreakGlassProcess.class);
        desk.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void anNhiNamedByItsClientIdIsAskedForAsItsServiceAccountAndItsOwnerIsKept() {
        var writ = desk.submit("alice", form("prod-db-admin", "CHG-1", 60, "ci-deployer"));

        assertThat(writ.target()).isEqualTo("service-account-ci-deployer");
        assertThat(writ.targetOwner()).contains("alice");
        assertThat(writs.all()).containsExactly(writ);
        assertThat(recorded.actionsAbout(WritEvent.subjectOf(writ.id()))).containsExactly("writ.submitted");
        verify(desk.process).start(writ, true);
    }

    @Test
    void aPersonNamedLikeAServiceAccountIsAPersonAndNobodyElseMayAskForThem() {
        var theirOwn = desk.submit("service-account-backup", form("billing-read", "CHG-2", 30, null));
        assertThat(theirOwn.targetOwner()).as("a person owns nobody").isEmpty();

        var refused = catchThrowableOfType(InvalidRequest.class,
                () -> desk.submit("alice", form("billing-read", "CHG-3", 30, "service-account-backup")));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("target");
    }

    @Test
    void anEntitlementHeldStandingIsNotAskedForAWritThatWouldEndByRemovingIt() {
        var billingRead = new DemoCatalogue().named("billing-read").orElseThrow();
        keycloak.grant(io.writ.domain.identity.DirectoryRef.named("alice"), billingRead); // assigned by hand

        var refused = catchThrowableOfType(InvalidRequest.class,
                () -> desk.submit("alice", form("billing-read", "CHG-4", 30, null)));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("entitlement");
            assertThat(e.message()).contains("alice already holds billing-read standing", "access review");
        });
        assertThat(writs.all()).isEmpty();
        assertThat(keycloak.holds("alice", billingRead)).as("the standing assignment stays").isTrue();
    }

    @Test
    void aSecondWritForAnEntitlementHeldThroughAWritIsNoStandingAssignment() {
        var first = desk.submit("alice", form("billing-read", "CHG-5", 30, null));
        first.applyPolicy(io.writ.domain.writ.ApprovalPolicy.approvals(1, "approver", 240), NOW);
        first.approve(io.writ.domain.writ.Writs.BOB, null, NOW);
        first.recordGrant(NOW, NOW);
        writs.save(first);
        keycloak.grant(io.writ.domain.identity.DirectoryRef.named("alice"),
                new DemoCatalogue().named("billing-read").orElseThrow());

        var second = desk.submit("alice", form("billing-read", "CHG-6", 30, null));

        assertThat(writs.all()).contains(first, second);
    }

    @Test
    void aRoleGrantedForAnApprovedWritNotYetRecordedAsActiveIsNoStandingAssignment() {
        var first = desk.submit("alice", form("billing-read", "CHG-7", 30, null));
        first.applyPolicy(io.writ.domain.writ.ApprovalPolicy.approvals(1, "approver", 240), NOW);
        first.approve(io.writ.domain.writ.Writs.BOB, null, NOW);
        writs.save(first);
        keycloak.grant(io.writ.domain.identity.DirectoryRef.named("alice"),
                new DemoCatalogue().named("billing-read").orElseThrow()); // in Keycloak, not yet on the writ

        var second = desk.submit("alice", form("billing-read", "CHG-8", 30, null));

        assertThat(writs.all()).contains(first, second);
    }

    @Test
    void everyFieldErrorIsAnsweredAtOnceAndNothingIsKept() {
        var refused = catchThrowableOfType(InvalidRequest.class,
                () -> desk.submit("alice", form("prod-db-admin", "TICKET-9", 600, "nobody-known")));

        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("target", "ticket", "durationMinutes");
        assertThat(writs.all()).isEmpty();
        assertThat(recorded.audit.entries).isEmpty();
        verify(desk.process, never()).start(any(), anyBoolean());
    }

    @Test
    void aDecisionOnAWritThatAwaitsNoneIsAConflictAndReachesNoProcess() {
        var writ = desk.submit("alice", form("prod-db-admin", "CHG-4", 60, null));
        desk.cancel(writ.id(), "alice");

        assertThatThrownBy(() -> desk.decide(writ.id(), "bob", Decision.APPROVE, null))
                .isInstanceOfSatisfying(WritStateConflict.class,
                        conflict -> assertThat(conflict.state()).isEqualTo(WritState.CANCELLED));
        verify(desk.process, never()).completeDecision(any(), any(), any(), any(), any());
    }

    @Test
    void aWithdrawnWritIsRecordedOnceAndItsProcessStopsWaiting() {
        var writ = desk.submit("alice", form("prod-db-admin", "CHG-5", 60, null));

        desk.cancel(writ.id(), "alice");

        assertThat(writ.state()).isEqualTo(WritState.CANCELLED);
        assertThat(recorded.actionsAbout(WritEvent.subjectOf(writ.id())))
                .containsExactly("writ.submitted", "writ.cancelled");
        verify(desk.process).cancel(writ.id());
    }

    @Test
    void aClosedTicketEndsTheActiveWritsOnItAndNoOther() {
        var onIt = active("CHG-6");
        var onAnother = active("CHG-7");

        var ended = desk.ticketClosed("CHG-6", "rt");

        assertThat(ended).containsExactly(onIt);
        assertThat(onIt.state()).isEqualTo(WritState.ENDED);
        assertThat(onAnother.state()).isEqualTo(WritState.ACTIVE);
        assertThat(recorded.actionsAbout(WritEvent.subjectOf(onIt.id()))).endsWith("writ.end-requested");
        verify(desk.process).requestEnd(onIt.id());
        verify(desk.process, never()).requestEnd(onAnother.id());
    }

    /** Alice's billing-read writ on that ticket, approved by bob and granted. */
    private Writ active(String ticket) {
        var writ = desk.submit("alice", form("billing-read", ticket, 30, null));
        writ.applyPolicy(ApprovalPolicy.approvals(1, "approver", 480), NOW);
        writ.approve(desk.approvers.named("bob"), null, NOW);
        writ.recordGrant(NOW, NOW);
        writs.save(writ);
        return writ;
    }

    private static WritForm form(String entitlement, String ticket, int minutes, String target) {
        return new WritForm(entitlement, ticket, "rotate the replica credentials after the failover", minutes,
                target, null, false);
    }
}

package io.writ.web.it;

import io.writ.bpmn.ProcessModels;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.LoginRecords;
import io.writ.workflow.engine.ProcessEngineStartup;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.WritForm;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritQueries;
import io.writ.workflow.audit.AuditDesk;
import io.writ.workflow.tickets.TicketDesk;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Inside the running portal: the Keycloak adapter, the process engine and the database, all real. */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWithTestRunner();
    }

    @Inject
    AccessAssignments assignments;

    @Inject
    LoginRecords loginRecords;

    @Inject
    ProcessEngineStartup processEngine;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    TransactionalProbe transactionalProbe;

    @Inject
    WritDesk writs;

    @Inject
    WritQueries queries;

    @Inject
    TicketDesk tickets;

    @Inject
    EngineTasks engineTasks;

    @Inject
    AuditTrail audit;

    @Inject
    AuditDesk auditDesk;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void theKeycloakAdapterReadsAUsersRolesAndSessions() {
        KeycloakTokens.forUser("frank", "frank"); // a password login opens a Keycloak session for frank

        assertThat(assignments.realmRolesOf("frank")).contains("requester", "approver").doesNotContain("security");
        assertThat(assignments.realmRolesOf("dave")).contains("security").doesNotContain("requester");
        assertThat(loginRecords.sessionsOf("frank"))
                .isNotEmpty()
                .allSatisfy(session -> assertThat(session.username()).isEqualTo("frank"));
    }

    @Test
    void theJobExecutorFiresADueTimerWithinSeconds() {
        var runtime = processEngine.engine().getRuntimeService();
        var probeId = transactionalProbe.start();

        // Polled on this (container) thread: a plain thread has no transaction context for the datasource.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(probeId).count() == 0);
        var history = processEngine.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(probeId).activityId(ProcessModels.PROBE_END).count();
        assertThat(history).as("the probe ended through its timer").isEqualTo(1);
    }

    @Test
    void theDemoCatalogueIsInTheDatabase() {
        assertThat(catalogue.all()).extracting(Entitlement::name)
                .contains("billing-read", "k8s-cluster-admin", "payments-operator", "prod-db-admin");
        assertThat(catalogue.named("prod-db-admin")).get()
                .extracting(Entitlement::approvalsRequired).isEqualTo(2);
    }

    @Test
    void completingTheEnginesTaskDirectlyStillCannotApproveOnesOwnWrit() {
        var ref = "CHG-" + System.nanoTime() % 1_000_000_000L;
        tickets.register(ref, "in-container separation of duties", "OPEN", "admin");
        var writ = writs.submit("frank", new WritForm("payments-operator", ref,
                "maintenance of the payment gateway", 30, null, null, false));

        assertThatThrownBy(() -> engineTasks.completeApproval(writ.id(), "frank"))
                .hasStackTraceContaining("you asked for");

        assertThat(engineTasks.openApprovalTasks(writ.id())).as("the task is still open").isEqualTo(1);
        assertThat(queries.visibleTo(writ.id(), "frank", false).state()).isEqualTo(WritState.PENDING_APPROVAL);
        engineTasks.completeApproval(writ.id(), "carol");
        assertThat(queries.visibleTo(writ.id(), "frank", false).approvals())
                .extracting(a -> a.approver()).containsExactly("carol");
        assertThat(audit.about("writ:" + writ.id()))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .startsWith(tuple("frank", "writ.submitted"), tuple("system", "writ.policy-applied"),
                        tuple("carol", "writ.approved"));
        // Granted now: ended (and its process finished with the revocation), so that no later test finds frank
        // holding payments-operator through it, nor its process running.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                queries.visibleTo(writ.id(), "frank", false).state() == WritState.ACTIVE);
        writs.endNow(writ.id(), "frank");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                queries.visibleTo(writ.id(), "frank", false).grant().flatMap(g -> g.confirmedAbsentAt()).isPresent());
    }

    @Test
    void aRefusedSubmissionLeavesNeitherAWritNorAProcessBehind() {
        var ref = "CHG-" + System.nanoTime() % 1_000_000_000L;
        tickets.register(ref, "in-container rollback", "OPEN", "admin");
        long writsBefore = queries.mine("alice").size();
        long processesBefore = transactionalProbe.runningElevations();

        // Over prod-db-admin's 240-minute cap: refused inside the process, after the writ was stored.
        assertThatThrownBy(() -> writs.submit("alice", new WritForm("prod-db-admin", ref,
                "far too long a window for this", 10_000, null, null, false)))
                .hasStackTraceContaining("at most 240");

        assertThat(queries.mine("alice")).hasSize((int) writsBefore);
        assertThat(transactionalProbe.runningElevations()).isEqualTo(processesBefore);
    }

    @Test
    void aTransactionStillOpenAfterRecordingHoldsNoOtherWriterUp() throws Exception {
        var subject = "probe:" + System.nanoTime();
        var recorded = new CountDownLatch(1);
        var mayCommit = new CountDownLatch(1);
        var held = executor.submit(() -> {
            transactionalProbe.recordAndHold(entry(subject, "probe.held"), recorded, mayCommit);
            return null;
        });
        assertThat(recorded.await(30, TimeUnit.SECONDS)).as("the first transaction recorded").isTrue();
        try {
            // Before records were chained at commit, this waited on the chain's head and failed after H2's 2 s.
            transactionalProbe.record(entry(subject, "probe.passed"));
            assertThat(audit.about(subject)).extracting(AuditEntry::action).containsExactly("probe.passed");
        } finally {
            mayCommit.countDown();
        }
        held.get(30, TimeUnit.SECONDS);

        assertThat(audit.about(subject)).as("chained in the order of their commits")
                .extracting(AuditEntry::action).containsExactly("probe.passed", "probe.held");
        assertThat(auditDesk.verify("in-container-test").valid()).isTrue();
    }

    @Test
    void aTransactionThatRollsBackLeavesNoRecordAndNoGap() {
        var subject = "probe:" + System.nanoTime();
        long before = auditDesk.size();

        assertThatThrownBy(() -> transactionalProbe.recordAndFail(entry(subject, "probe.rolled-back")))
                .hasStackTraceContaining("failed after recording");
        transactionalProbe.record(entry(subject, "probe.kept"));

        assertThat(audit.about(subject)).extracting(AuditEntry::action).containsExactly("probe.kept");
        assertThat(auditDesk.verify("in-container-test").valid()).as("no gap in the chain").isTrue();
        assertThat(auditDesk.size()).as("the kept record and the verification's own, nothing else")
                .isGreaterThanOrEqualTo(before + 2);
    }

    private static AuditEntry entry(String subject, String action) {
        return new AuditEntry(Instant.now(), "in-container-test", action, subject, null);
    }
}

package io.writ.bpmn;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.writ.bpmn.ProcessModels.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

/**
 * Every path of the elevation process on an in-memory engine. The beans the model calls are stand-ins that set the
 * variables the real beans set and answer what each test arranges: the writ's state after a decision is scripted
 * here, because who may decide and how many approvals a writ needs are the domain's rules and the domain's tests
 * (SeparationOfDutiesTest, ApprovalTest, SponsorTest). The tests check the path the engine takes: which tasks it
 * opens and for whom, its timers, messages, retries and incidents, the end reached, and whether the entitlement is
 * assigned in a stand-in of Keycloak.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"elevation-request.bpmn", "elevation-policy.dmn"})
class ElevationRequestProcessTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(60);
    private static final String APPROVERS = "writ-approvers";
    private static final String SPONSORS = "writ-sponsors";
    private static final String BACKUP_APPROVERS = "writ-backup-approvers";
    /** The domain's answer to a decision it refuses (separation of duties, a missing comment, ...). */
    private static final String REFUSED = "refused";

    ProcessEngine engine;
    RuntimeService runtime;
    TaskService tasks;
    ManagementService management;

    /** The elevation process of the writ under test. */
    private ProcessInstance process;
    /** The candidate group(s) the policy gives the decision task, comma-separated, as the application would. */
    private String approverGroup = APPROVERS;
    /** The domain's answer to the next completed decision task; each test says it in {@link #decide(String)}. */
    private String decisionAnswer;
    private final Map<String, Writ> writs = new HashMap<>();
    private final Keycloak keycloak = new Keycloak();

    @BeforeEach
    void registerBeans() {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));

        Mocks.register(BEAN_APPLY_POLICY, applyPolicy());
        Mocks.register(BEAN_RECORD_DECISION, recordDecision());
        Mocks.register(BEAN_REMIND_APPROVERS, (JavaDelegate) execution -> writ(execution).remindersSent++);
        Mocks.register(BEAN_ESCALATE_TO_BACKUP, escalateToBackup());
        Mocks.register(BEAN_EXPIRE_UNAPPROVED, (JavaDelegate) execution -> writ(execution).state = "EXPIRED_UNAPPROVED");
        Mocks.register(BEAN_GRANT_ACCESS, grantAccess());
        Mocks.register(BEAN_END_WINDOW, (JavaDelegate) execution -> writ(execution).end("WINDOW_ENDED"));
        Mocks.register(BEAN_REVOKE_ACCESS, (JavaDelegate) execution -> keycloak.unassign(writ(execution).id));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- approval ------------------------------------------------------------------------------------------------

    @Test
    void lowOnAnOpenTicketIsGrantedAtOnceAndRevokedWhenTheWindowEnds() {
        submit("W-1", "LOW", true, false);

        assertThat(process).isWaitingAt(TASK_GRANT).hasPassed(TASK_DECIDE_POLICY, TASK_APPLY_POLICY)
                .hasNotPassed(TASK_DECIDE);
        execute(jobAt(TASK_GRANT));

        assertGrantedUntil("W-1", SUBMITTED_AT.plus(WINDOW));
        passTime(WINDOW);
        execute(jobAt(TIMER_WINDOW_ENDED));
        assertThat(process).isWaitingAt(TASK_REVOKE).hasPassed(TASK_END_WINDOW);
        execute(jobAt(TASK_REVOKE));

        assertThat(process).isEnded().hasPassed(END_REVOKED);
        assertThat(keycloak.assigned).isEmpty();
        assertThat(writs.get("W-1").endReason).isEqualTo("WINDOW_ENDED");
    }

    @Test
    void aDecisionThatApprovesTheWritGrantsIt() {
        submit("W-2", "MEDIUM", true, false);

        assertThat(process).isWaitingAt(TASK_DECIDE);
        assertThat(decisionTask()).hasCandidateGroup(APPROVERS).hasName("Decide on the writ");
        decide("APPROVED");

        assertThat(process).isWaitingAt(TASK_GRANT).hasPassed(GATEWAY_DECISION);
        execute(jobAt(TASK_GRANT));
        assertGrantedUntil("W-2", SUBMITTED_AT.plus(WINDOW));
    }

    @Test
    void aRejectionEndsTheWritWithoutAGrant() {
        submit("W-3", "MEDIUM", true, false);

        decide("REJECTED");

        assertThat(process).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_GRANT);
        assertThat(keycloak.assigned).isEmpty();
        assertThat(management.createJobQuery().count())
                .as("reminder, escalation and deadline timers are gone").isZero();
    }

    @Test
    void anApprovalThatLeavesTheWritPendingOpensANewTaskWithItsOwnTimers() {
        submit("W-4", "HIGH", true, false);
        var firstTask = decisionTask();
        passTime(Duration.ofMinutes(20));

        decide("PENDING_APPROVAL");

        assertThat(process).isWaitingAt(TASK_DECIDE).hasNotPassed(TASK_GRANT);
        assertThat(decisionTask().getId()).isNotEqualTo(firstTask.getId());
        assertThat(decisionTask()).hasCandidateGroup(APPROVERS);
        assertThat(jobAt(TIMER_REMIND).getDuedate()).as("the reminder starts again for the next approver")
                .isEqualTo(Date.from(SUBMITTED_AT.plus(Duration.ofMinutes(50))));

        decide("APPROVED");

        assertThat(process).isWaitingAt(TASK_GRANT);
        execute(jobAt(TASK_GRANT));
        assertGrantedUntil("W-4", SUBMITTED_AT.plus(Duration.ofMinutes(20)).plus(WINDOW));
    }

    /** The decision is recorded by the task's complete listener, so a refusal undoes the completion itself. */
    @Test
    void aDecisionTheWritRefusesLeavesTheSameTaskOpenAndNothingAdvances() {
        submit("W-5", "MEDIUM", true, false);
        var task = decisionTask();

        assertThatThrownBy(() -> decide(REFUSED)).hasMessageContaining("the writ refuses the decision");

        assertThat(process).isWaitingAt(TASK_DECIDE).hasNotPassed(GATEWAY_DECISION, TASK_GRANT);
        assertThat(decisionTask().getId()).isEqualTo(task.getId());
        assertThat(runtime.getVariable(process.getId(), VAR_WRIT_STATE)).isNull();
        assertThat(jobAt(TIMER_REMIND)).as("the task's timers stay").isNotNull();

        decide("APPROVED");
        assertThat(process).isWaitingAt(TASK_GRANT);
    }

    @Test
    void aDecisionTaskForApproversAndSponsorsIsOfferedToBothGroupsEachTime() {
        approverGroup = APPROVERS + "," + SPONSORS;
        submit("W-7", "LOW", true, true);

        assertThat(process).isWaitingAt(TASK_DECIDE);
        assertThat(decisionTask()).hasCandidateGroup(APPROVERS).hasCandidateGroup(SPONSORS);
        decide("PENDING_APPROVAL");
        assertThat(decisionTask()).hasCandidateGroup(APPROVERS).hasCandidateGroup(SPONSORS);
        decide("APPROVED");

        assertThat(process).isWaitingAt(TASK_GRANT);
    }

    // --- timers on the decision ----------------------------------------------------------------------------------

    @Test
    void reminderThenEscalationFireWhileTheTaskStaysOpen() {
        submit("W-8", "MEDIUM", true, false);
        var decision = decisionTask();
        assertThat(jobAt(TIMER_REMIND).getDuedate())
                .isEqualTo(Date.from(SUBMITTED_AT.plus(Duration.ofMinutes(30))));
        assertThat(jobAt(TIMER_ESCALATE).getDuedate())
                .isEqualTo(Date.from(SUBMITTED_AT.plus(Duration.ofHours(2))));

        passTime(Duration.ofMinutes(30));
        execute(jobAt(TIMER_REMIND));

        assertThat(process).isWaitingAt(TASK_DECIDE).hasPassed(TASK_REMIND, END_REMINDED);
        assertThat(writs.get("W-8").remindersSent).isEqualTo(1);
        assertThat(decisionTask().getId()).isEqualTo(decision.getId());
        assertThat(tasks.createTaskQuery().taskCandidateGroup(BACKUP_APPROVERS).count()).isZero();

        passTime(Duration.ofMinutes(90));
        execute(jobAt(TIMER_ESCALATE));

        assertThat(process).isWaitingAt(TASK_DECIDE).hasPassed(TASK_ESCALATE, END_ESCALATED);
        assertThat(decisionTask().getId()).isEqualTo(decision.getId());
        assertThat(decisionTask()).hasCandidateGroup(APPROVERS).hasCandidateGroup(BACKUP_APPROVERS);

        decide("APPROVED");
        assertThat(process).isWaitingAt(TASK_GRANT);
    }

    @Test
    void noDecisionBeforeTheDeadlineExpiresTheWritUnapproved() {
        submit("W-9", "MEDIUM", true, false);
        assertThat(jobAt(TIMER_APPROVAL_DEADLINE).getDuedate())
                .isEqualTo(Date.from(SUBMITTED_AT.plus(Duration.ofHours(24))));

        passTime(Duration.ofHours(24));
        execute(jobAt(TIMER_APPROVAL_DEADLINE));

        assertThat(process).isEnded().hasPassed(TASK_EXPIRE_UNAPPROVED, END_EXPIRED_UNAPPROVED)
                .hasNotPassed(TASK_GRANT);
        assertThat(writs.get("W-9").state).isEqualTo("EXPIRED_UNAPPROVED");
        assertThat(tasks.createTaskQuery().count()).isZero();
        assertThat(management.createJobQuery().count()).isZero();
    }

    @Test
    void aCancelledWritEndsWhileAwaitingApproval() {
        submit("W-10", "HIGH", true, false);

        writs.get("W-10").state = "CANCELLED"; // the application records the cancellation, then tells the process
        runtime.createMessageCorrelation(MESSAGE_CANCELLED).processInstanceBusinessKey("W-10").correlate();

        assertThat(process).isEnded().hasPassed(EVENT_CANCELLED, END_CANCELLED).hasNotPassed(TASK_GRANT);
        assertThat(tasks.createTaskQuery().count()).isZero();
        assertThat(management.createJobQuery().count()).isZero();
    }

    // --- ending the window ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ENDED_BY_REQUESTER", "TICKET_CLOSED", "CONTAINMENT"})
    void anEndRequestedBeforeTheWindowEndsRevokesAtOnce(String reason) {
        submit("W-11", "LOW", true, false);
        execute(jobAt(TASK_GRANT));
        passTime(Duration.ofMinutes(10));

        writs.get("W-11").end(reason); // the application records the end, then tells the process
        runtime.createMessageCorrelation(MESSAGE_END_REQUESTED).processInstanceBusinessKey("W-11").correlate();

        assertThat(process).isWaitingAt(TASK_REVOKE).hasPassed(EVENT_END_REQUESTED).hasNotPassed(TASK_END_WINDOW);
        assertThat(management.createJobQuery().activityId(TIMER_WINDOW_ENDED).count())
                .as("the window timer is gone").isZero();
        execute(jobAt(TASK_REVOKE));

        assertThat(process).isEnded().hasPassed(END_REVOKED);
        assertThat(keycloak.assigned).isEmpty();
        assertThat(writs.get("W-11").endReason).isEqualTo(reason);
    }

    /** An approved extension is the application moving the window timer's due date; the process needs no more. */
    @Test
    void movingTheWindowTimerForAnExtensionDelaysTheRevocation() {
        submit("W-14", "LOW", true, false);
        execute(jobAt(TASK_GRANT));
        var extendedEnd = SUBMITTED_AT.plus(WINDOW).plus(Duration.ofMinutes(30));

        management.setJobDuedate(jobAt(TIMER_WINDOW_ENDED).getId(), Date.from(extendedEnd));
        passTime(WINDOW);

        assertThat(management.createJobQuery().processInstanceId(process.getId()).executable().count())
                .as("nothing due at the original end").isZero();
        assertThat(process).isWaitingAt(GATEWAY_AWAIT_END);
        passTime(Duration.ofMinutes(30));
        execute(jobAt(TIMER_WINDOW_ENDED));
        execute(jobAt(TASK_REVOKE));
        assertThat(process).isEnded().hasPassed(END_REVOKED);
        assertThat(keycloak.assigned).isEmpty();
    }

    // --- Keycloak failing ----------------------------------------------------------------------------------------

    @Test
    void aGrantThatKeepsFailingRaisesAnIncidentAndCompletesOnceKeycloakIsBack() {
        submit("W-12", "LOW", true, false, "R2/PT1S");
        keycloak.available = false;

        var grant = failOnce(TASK_GRANT);
        assertThat(grant.getRetries()).isEqualTo(1);
        assertThat(grant.getDuedate()).isEqualTo(Date.from(SUBMITTED_AT.plusSeconds(1)));
        assertThat(runtime.createIncidentQuery().count()).isZero();
        passTime(Duration.ofSeconds(1));

        grant = failOnce(TASK_GRANT);
        assertThat(grant.getRetries()).isZero();
        var incident = runtime.createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_GRANT);
        assertThat(incident.getIncidentMessage()).contains("Keycloak unavailable");

        keycloak.available = true;
        management.setJobRetries(grant.getId(), 1);
        execute(jobAt(TASK_GRANT));

        assertThat(process).isWaitingAt(GATEWAY_AWAIT_END);
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(keycloak.assigned).containsExactly("W-12");
        passTime(WINDOW);
        execute(jobAt(TIMER_WINDOW_ENDED));
        execute(jobAt(TASK_REVOKE));
        assertThat(process).isEnded().hasPassed(END_REVOKED);
    }

    @Test
    void aRevocationThatKeepsFailingRaisesAnIncidentAndCompletesOnceKeycloakIsBack() {
        submit("W-13", "LOW", true, false, "R2/PT1S");
        execute(jobAt(TASK_GRANT));
        passTime(WINDOW);
        execute(jobAt(TIMER_WINDOW_ENDED));
        keycloak.available = false;

        var revoke = failOnce(TASK_REVOKE);
        assertThat(revoke.getRetries()).isEqualTo(1);
        passTime(Duration.ofSeconds(1));
        revoke = failOnce(TASK_REVOKE);
        assertThat(revoke.getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().activityId(TASK_REVOKE).count())
                .isEqualTo(1);
        assertThat(keycloak.assigned).as("still assigned while Keycloak is down")
                .containsExactly("W-13");

        keycloak.available = true;
        management.setJobRetries(revoke.getId(), 1);
        execute(jobAt(TASK_REVOKE));

        assertThat(process).isEnded().hasPassed(END_REVOKED);
        assertThat(keycloak.assigned).isEmpty();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void submit(String writId, String riskTier, boolean ticketOpen, boolean thirdParty) {
        submit(writId, riskTier, ticketOpen, thirdParty, "R10/PT30S");
    }

    private void submit(String writId, String riskTier, boolean ticketOpen, boolean thirdParty,
                                   String keycloakRetryCycle) {
        writs.put(writId, new Writ(writId));
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_WRIT_ID, writId)
                .putValue(VAR_RISK_TIER, riskTier)
                .putValue(VAR_TICKET_OPEN, ticketOpen)
                .putValue(VAR_THIRD_PARTY, thirdParty)
                .putValue(VAR_BREAK_GLASS, false)
                .putValue(VAR_REMINDER_AFTER, "PT30M")
                .putValue(VAR_ESCALATE_AFTER, "PT2H")
                .putValue(VAR_APPROVAL_DEADLINE, "PT24H")
                .putValue(VAR_KEYCLOAK_RETRY_CYCLE, keycloakRetryCycle)
                .putValue(VAR_BACKUP_APPROVER_GROUP, BACKUP_APPROVERS);
        process = runtime.startProcessInstanceByKey(ELEVATION, writId, variables);
    }

    /** Completes the open decision task; the domain answers {@code answer}: the writ's next state, or a refusal. */
    private void decide(String answer) {
        decisionAnswer = answer;
        tasks.complete(decisionTask().getId());
    }

    /** Runs the Keycloak step's job while Keycloak is down and returns the job as the engine left it. */
    private Job failOnce(String activityId) {
        var job = jobAt(activityId);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Keycloak unavailable");
        return management.createJobQuery().jobId(job.getId()).singleResult();
    }

    /** The open decision task of the writ's process; null when there is none. */
    private Task decisionTask() {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(TASK_DECIDE).singleResult();
    }

    /** The job of the writ's process waiting at the given activity: a timer, or an asynchronous step. */
    private Job jobAt(String activityId) {
        return management.createJobQuery().processInstanceId(process.getId()).activityId(activityId).singleResult();
    }

    private void assertGrantedUntil(String writId, Instant windowEnd) {
        assertThat(process).isWaitingAt(GATEWAY_AWAIT_END).hasPassed(TASK_GRANT);
        assertThat(keycloak.assigned).containsExactly(writId);
        assertThat(writs.get(writId).state).isEqualTo("ACTIVE");
        assertThat(jobAt(TIMER_WINDOW_ENDED).getDuedate()).isEqualTo(Date.from(windowEnd));
    }

    private static void passTime(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    private Writ writ(DelegateExecution execution) {
        return writs.get((String) execution.getVariable(VAR_WRIT_ID));
    }

    // --- the mocked beans ----------------------------------------------------------------------------------------

    /** Passes on the policy decision's autoApprove, as the real bean does, and the approver group the test arranged. */
    private JavaDelegate applyPolicy() {
        return execution -> {
            @SuppressWarnings("unchecked")
            var policy = (Map<String, Object>) execution.getVariable(VAR_POLICY);
            execution.setVariable(VAR_AUTO_APPROVED, policy.get(POLICY_AUTO_APPROVE));
            execution.setVariable(VAR_APPROVER_GROUP, approverGroup);
        };
    }

    /** The domain's answer to the decision, as the test scripted it; a refusal throws, as the writ's would. */
    private TaskListener recordDecision() {
        return task -> {
            if (REFUSED.equals(decisionAnswer)) {
                throw new IllegalStateException("the writ refuses the decision");
            }
            task.getExecution().setVariable(VAR_WRIT_STATE, decisionAnswer);
        };
    }

    private JavaDelegate escalateToBackup() {
        return execution -> {
            var taskService = execution.getProcessEngineServices().getTaskService();
            Task open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TASK_DECIDE).singleResult();
            taskService.addCandidateGroup(open.getId(), (String) execution.getVariable(VAR_BACKUP_APPROVER_GROUP));
        };
    }

    /** Assigns in the Keycloak stand-in (which may be down) and sets the window's end. */
    private JavaDelegate grantAccess() {
        return execution -> {
            var writ = writ(execution);
            keycloak.assign(writ.id);
            writ.state = "ACTIVE";
            execution.setVariable(VAR_WINDOW_END, Date.from(ClockUtil.getCurrentTime().toInstant().plus(WINDOW)));
        };
    }

    /** Stands in for the domain's writ: what the mocked beans change and the tests look at. */
    private static final class Writ {
        final String id;
        String state = "SUBMITTED";
        int remindersSent;
        String endReason;

        Writ(String id) {
            this.id = id;
        }

        void end(String reason) {
            state = reason.equals("CONTAINMENT") ? "CONTAINED" : "ENDED";
            endReason = reason;
        }
    }

    /** Keycloak as the grant and revoke beans see it: which writs' entitlements are assigned, and whether it answers. */
    private static final class Keycloak {
        final Set<String> assigned = new HashSet<>();
        boolean available = true;

        void assign(String writId) {
            answer();
            assigned.add(writId);
        }

        void unassign(String writId) {
            answer();
            assigned.remove(writId);
        }

        private void answer() {
            if (!available) {
                throw new IllegalStateException("Keycloak unavailable");
            }
        }
    }
}

package io.writ.bpmn;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.writ.bpmn.ProcessModels.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * The containment process on an in-memory engine: the writ is ended and the identity logged out before anything
 * else, an NHI's secret is rotated, what was done is recorded, and security triages. The mocks note what they did.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "containment.bpmn")
class ContainmentProcessTest {

    ProcessEngine engine;
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        Mocks.register(BEAN_CONTAIN_WRIT, (JavaDelegate) execution -> {
            done.add("contained " + execution.getVariable(VAR_ALERT_ID));
            execution.setVariable(VAR_CONTAINMENT, "writ ended; 1 session logged out");
        });
        Mocks.register(BEAN_ROTATE_NHI_SECRET, (JavaDelegate) execution -> done.add("rotated"));
        Mocks.register(BEAN_RECORD_CONTAINMENT, (JavaDelegate) execution ->
                done.add("recorded: " + execution.getVariable(VAR_CONTAINMENT)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aPersonIsContainedWithoutRotationThenSecurityTriages() {
        var process = start(false);

        assertThat(process).isWaitingAt(TASK_CONTAIN_WRIT);
        assertThat(done).as("nothing before the asynchronous step runs").isEmpty();
        execute(job(process));

        assertThat(process).isWaitingAt(TASK_TRIAGE).hasPassed(GATEWAY_CONTAINED, TASK_RECORD_CONTAINMENT)
                .hasNotPassed(TASK_ROTATE_SECRET);
        assertThat(task(process)).hasCandidateGroup("writ-security");
        assertThat(done).containsExactly("contained alert-1", "recorded: writ ended; 1 session logged out");
    }

    @Test
    void aNonHumanIdentityAlsoHasItsSecretRotated() {
        var process = start(true);

        execute(job(process));
        assertThat(process).isWaitingAt(TASK_ROTATE_SECRET);
        execute(job(process));

        assertThat(process).isWaitingAt(TASK_TRIAGE).hasPassed(GATEWAY_CONTAINED, TASK_RECORD_CONTAINMENT);
        assertThat(done).containsExactly("contained alert-1", "rotated", "recorded: writ ended; 1 session logged out");
    }

    @ParameterizedTest
    @CsvSource({"DISMISS, End_Dismissed", "CONFIRM, End_Confirmed", "ESCALATE, End_EscalatedToIncidentResponse"})
    void theVerdictEndsTheProcessWhereItSays(String outcome, String end) {
        var process = start(false);
        execute(job(process));

        complete(task(process), Variables.putValue(VAR_TRIAGE_OUTCOME, outcome));

        assertThat(process).isEnded().hasPassed(end);
    }

    @Test
    void aFailingContainmentStepIsRetriedThenBecomesAnIncident() {
        Mocks.register(BEAN_CONTAIN_WRIT, (JavaDelegate) execution -> {
            throw new IllegalStateException("Keycloak is away");
        });
        var process = start(false);

        var management = engine.getManagementService();
        for (int attempt = 0; attempt < 2; attempt++) {
            var job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Keycloak is away");
        }

        assertThat(process).isWaitingAt(TASK_CONTAIN_WRIT);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count())
                .isEqualTo(1);
    }

    private ProcessInstance start(boolean nonHuman) {
        return engine.getRuntimeService().startProcessInstanceByKey(CONTAINMENT, "alert-1",
                Variables.putValue(VAR_ALERT_ID, "alert-1")
                        .putValue(VAR_NON_HUMAN, nonHuman)
                        .putValue(VAR_TRIAGE_GROUP, "writ-security")
                        .putValue(VAR_KEYCLOAK_RETRY_CYCLE, "R2/PT1S"));
    }
}

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

import java.util.ArrayList;
import java.util.List;

import static io.writ.bpmn.ProcessModels.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/** The rotation process: the secret is regenerated in the background, then the owner is told; failures retry. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "credential-rotation.bpmn")
class CredentialRotationProcessTest {

    ProcessEngine engine;
    private final List<String> done = new ArrayList<>();
    private boolean keycloakUp = true;

    @BeforeEach
    void registerBeans() {
        Mocks.register(BEAN_REGENERATE_SECRET, (JavaDelegate) execution -> {
            if (!keycloakUp) {
                throw new IllegalStateException("Keycloak is away");
            }
            done.add("regenerated " + execution.getVariable(VAR_CLIENT_ID) + " for "
                    + execution.getVariable(VAR_ROTATION_REASON));
        });
        Mocks.register(BEAN_NOTIFY_OWNER, (JavaDelegate) execution -> done.add("owner told"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theSecretIsRegeneratedThenTheOwnerIsTold() {
        var process = start();
        assertThat(process).isWaitingAt(TASK_REGENERATE_SECRET);
        assertThat(done).isEmpty();

        execute(job(process));

        assertThat(process).isEnded().hasPassed(END_ROTATED);
        assertThat(done).containsExactly("regenerated ci-deployer for ON_DEMAND", "owner told");
    }

    @Test
    void aRegenerationThatKeepsFailingBecomesAnIncidentAndNobodyIsToldOfARotationThatDidNotHappen() {
        keycloakUp = false;
        var process = start();
        var management = engine.getManagementService();
        for (int attempt = 0; attempt < 2; attempt++) {
            var job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Keycloak is away");
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count())
                .isEqualTo(1);
        assertThat(done).isEmpty();
        keycloakUp = true;
        var job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(process).isEnded();
        assertThat(done).hasSize(2);
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(CREDENTIAL_ROTATION, "ci-deployer",
                Variables.putValue(VAR_CLIENT_ID, "ci-deployer")
                        .putValue(VAR_ROTATION_REASON, "ON_DEMAND")
                        .putValue(VAR_REQUESTED_BY, "admin")
                        .putValue(VAR_KEYCLOAK_RETRY_CYCLE, "R2/PT1S"));
    }
}

package io.writ.workflow.nhi.rotation;

import io.writ.workflow.engine.StepRetries;
import io.writ.bpmn.ProcessModels;
import io.writ.workflow.engine.ProcessEngineStartup;
import io.writ.workflow.nhi.RotationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.variable.Variables;

/** The credential-rotation process of each NHI (business key = client id). */
@ApplicationScoped
public class RotationProcess {

    @Inject
    ProcessEngineStartup startup;

    @Inject
    StepRetries retries;

    public void start(String clientId, RotationReason reason, String by) {
        startup.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.CREDENTIAL_ROTATION, clientId,
                Variables.createVariables()
                        .putValue(ProcessModels.VAR_CLIENT_ID, clientId)
                        .putValue(ProcessModels.VAR_ROTATION_REASON, reason.name())
                        .putValue(ProcessModels.VAR_REQUESTED_BY, by)
                        .putValue(ProcessModels.VAR_KEYCLOAK_RETRY_CYCLE, retries.keycloakRetryCycle()));
    }

    public boolean isRunningFor(String clientId) {
        return startup.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.CREDENTIAL_ROTATION).processInstanceBusinessKey(clientId)
                .count() > 0;
    }
}

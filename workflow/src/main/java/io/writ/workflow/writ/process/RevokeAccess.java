package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Removes the entitlement in Keycloak, reads back its absence and logs the identity out. */
@Named(ProcessModels.BEAN_REVOKE_ACCESS)
@Dependent
public class RevokeAccess implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        steps.revoke(ApplyPolicy.writId(execution));
    }
}

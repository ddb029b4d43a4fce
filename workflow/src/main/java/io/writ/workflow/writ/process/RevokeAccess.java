package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.writ.ElevationService;
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
    ElevationService elevations;

    @Override
    public void execute(DelegateExecution execution) {
        elevations.revoke(ApplyPolicy.writId(execution));
    }
}

package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.Date;

/** Grants the entitlement in Keycloak and starts the window; the process waits until the window's end. */
@Named(ProcessModels.BEAN_GRANT_ACCESS)
@Dependent
public class GrantAccess implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        var windowEnd = steps.grant(ApplyPolicy.writId(execution));
        execution.setVariable(ProcessModels.VAR_WINDOW_END, Date.from(windowEnd));
    }
}

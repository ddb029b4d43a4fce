package io.writ.workflow.containment.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.containment.AlertDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Regenerates the client secret of the NHI under alert; adds that to what containment did. */
@Named(ProcessModels.BEAN_ROTATE_NHI_SECRET)
@Dependent
public class RotateNhiSecret implements JavaDelegate {

    @Inject
    AlertDesk alerts;

    @Override
    public void execute(DelegateExecution execution) {
        var done = alerts.rotateSecret(ContainWrit.alertId(execution));
        execution.setVariable(ProcessModels.VAR_CONTAINMENT,
                execution.getVariable(ProcessModels.VAR_CONTAINMENT) + "; " + done);
    }
}

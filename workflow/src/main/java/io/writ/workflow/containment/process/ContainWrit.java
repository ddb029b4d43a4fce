package io.writ.workflow.containment.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.containment.AlertDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Ends the alert's writ as CONTAINED and logs the identity out; notes what was done. */
@Named(ProcessModels.BEAN_CONTAIN_WRIT)
@Dependent
public class ContainWrit implements JavaDelegate {

    @Inject
    AlertDesk alerts;

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessModels.VAR_CONTAINMENT, alerts.containWrit(alertId(execution)));
    }

    static String alertId(DelegateExecution execution) {
        return (String) execution.getVariable(ProcessModels.VAR_ALERT_ID);
    }
}

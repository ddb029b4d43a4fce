package io.writ.workflow.containment.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.containment.AlertDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records on the alert what containment did; the alert then awaits triage. */
@Named(ProcessModels.BEAN_RECORD_CONTAINMENT)
@Dependent
public class RecordContainment implements JavaDelegate {

    @Inject
    AlertDesk alerts;

    @Override
    public void execute(DelegateExecution execution) {
        alerts.contained(ContainWrit.alertId(execution), (String) execution.getVariable(ProcessModels.VAR_CONTAINMENT));
    }
}

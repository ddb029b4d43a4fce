package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The writ has waited a while: its approvers are reminded. */
@Named(ProcessModels.BEAN_REMIND_APPROVERS)
@Dependent
public class RemindApprovers implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        steps.remindApprovers(ApplyPolicy.writId(execution));
    }
}

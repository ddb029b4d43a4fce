package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.writ.ElevationService;
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
    ElevationService elevations;

    @Override
    public void execute(DelegateExecution execution) {
        elevations.remindApprovers(ApplyPolicy.writId(execution));
    }
}

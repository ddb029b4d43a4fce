package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Nobody decided before the approval deadline. */
@Named(ProcessModels.BEAN_EXPIRE_UNAPPROVED)
@Dependent
public class ExpireUnapproved implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        steps.expireUnapproved(ApplyPolicy.writId(execution));
    }
}

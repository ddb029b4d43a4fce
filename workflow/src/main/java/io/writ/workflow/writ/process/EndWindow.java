package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The window ran out: the writ ends; revocation follows. */
@Named(ProcessModels.BEAN_END_WINDOW)
@Dependent
public class EndWindow implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        steps.endWindow(ApplyPolicy.writId(execution));
    }
}

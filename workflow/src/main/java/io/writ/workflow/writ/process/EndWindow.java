package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.writ.ElevationService;
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
    ElevationService elevations;

    @Override
    public void execute(DelegateExecution execution) {
        elevations.endWindow(ApplyPolicy.writId(execution));
    }
}

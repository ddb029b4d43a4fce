package io.writ.workflow.breakglass.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.writ.ElevationService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import static io.writ.workflow.writ.process.ApplyPolicy.writId;

/** Approves the break-glass writ at once with its short window. */
@Named(ProcessModels.BEAN_APPLY_BREAK_GLASS_POLICY)
@Dependent
public class ApplyBreakGlassPolicy implements JavaDelegate {

    @Inject
    ElevationService elevations;

    @Override
    public void execute(DelegateExecution execution) {
        elevations.applyBreakGlassPolicy(writId(execution));
    }
}

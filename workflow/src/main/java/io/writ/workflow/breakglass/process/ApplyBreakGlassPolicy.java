package io.writ.workflow.breakglass.process;

import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.bpmn.ProcessModels;
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
    BreakGlassDesk breakGlass;

    @Override
    public void execute(DelegateExecution execution) {
        breakGlass.applyPolicy(writId(execution));
    }
}

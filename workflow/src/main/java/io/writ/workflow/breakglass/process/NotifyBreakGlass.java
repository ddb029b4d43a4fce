package io.writ.workflow.breakglass.process;

import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import static io.writ.workflow.writ.process.ApplyPolicy.writId;

/** Tells security and the approvers who were skipped that the glass was broken. */
@Named(ProcessModels.BEAN_NOTIFY_BREAK_GLASS)
@Dependent
public class NotifyBreakGlass implements JavaDelegate {

    @Inject
    BreakGlassDesk breakGlass;

    @Override
    public void execute(DelegateExecution execution) {
        breakGlass.granted(writId(execution));
    }
}

package io.writ.workflow.breakglass.process;

import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import static io.writ.workflow.writ.process.ApplyPolicy.writId;

/** Rotates the credentials the break-glass access touched (an NHI's client secret). */
@Named(ProcessModels.BEAN_ROTATE_TOUCHED_CREDENTIALS)
@Dependent
public class RotateTouchedCredentials implements JavaDelegate {

    @Inject
    BreakGlassDesk breakGlass;

    @Override
    public void execute(DelegateExecution execution) {
        breakGlass.rotateTouchedCredentials(writId(execution));
    }
}

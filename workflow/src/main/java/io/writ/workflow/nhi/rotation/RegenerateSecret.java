package io.writ.workflow.nhi.rotation;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Regenerates the NHI's secret in Keycloak and records the evidence. */
@Named(ProcessModels.BEAN_REGENERATE_SECRET)
@Dependent
public class RegenerateSecret implements JavaDelegate {

    @Inject
    NhiDesk nhis;

    @Override
    public void execute(DelegateExecution execution) {
        nhis.rotateNow(clientId(execution), reason(execution),
                (String) execution.getVariable(ProcessModels.VAR_REQUESTED_BY));
    }

    static String clientId(DelegateExecution execution) {
        return (String) execution.getVariable(ProcessModels.VAR_CLIENT_ID);
    }

    static RotationReason reason(DelegateExecution execution) {
        return RotationReason.valueOf((String) execution.getVariable(ProcessModels.VAR_ROTATION_REASON));
    }
}

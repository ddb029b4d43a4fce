package io.writ.workflow.nhi.rotation;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.nhi.NhiDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Tells the NHI's owner that its secret changed. */
@Named(ProcessModels.BEAN_NOTIFY_OWNER)
@Dependent
public class NotifyOwner implements JavaDelegate {

    @Inject
    NhiDesk nhis;

    @Override
    public void execute(DelegateExecution execution) {
        nhis.ownerTold(RegenerateSecret.clientId(execution), RegenerateSecret.reason(execution));
    }
}

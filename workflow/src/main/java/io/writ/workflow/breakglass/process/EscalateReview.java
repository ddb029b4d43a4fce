package io.writ.workflow.breakglass.process;

import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import static io.writ.workflow.writ.process.ApplyPolicy.writId;

/** The post-incident review is overdue; it is escalated. */
@Named(ProcessModels.BEAN_ESCALATE_REVIEW)
@Dependent
public class EscalateReview implements JavaDelegate {

    @Inject
    BreakGlassDesk breakGlass;

    @Override
    public void execute(DelegateExecution execution) {
        breakGlass.postIncidentReviewOverdue(writId(execution));
    }
}

package io.writ.workflow.breakglass.process;

import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.time.Duration;
import java.util.Date;

import static io.writ.workflow.writ.process.ApplyPolicy.writId;

/** Opens the mandatory post-incident review on the writ; sets when it is due. */
@Named(ProcessModels.BEAN_OPEN_POST_INCIDENT_REVIEW)
@Dependent
public class OpenPostIncidentReview implements JavaDelegate {

    @Inject
    BreakGlassDesk breakGlass;

    @Override
    public void execute(DelegateExecution execution) {
        var within = Duration.parse((String) execution.getVariable(ProcessModels.VAR_REVIEW_WITHIN));
        var due = breakGlass.openPostIncidentReview(writId(execution), within);
        execution.setVariable(ProcessModels.VAR_REVIEW_DUE, Date.from(due));
    }
}

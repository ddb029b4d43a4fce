package io.writ.workflow.review.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.review.ReviewDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The deadline passed: fail-closed items are revoked in Keycloak, fail-open ones escalated; the campaign closes. */
@Named(ProcessModels.BEAN_CLOSE_CAMPAIGN_AT_DEADLINE)
@Dependent
public class CloseCampaignAtDeadline implements JavaDelegate {

    @Inject
    ReviewDesk reviews;

    @Override
    public void execute(DelegateExecution execution) {
        reviews.closeAtDeadline((String) execution.getVariable(ProcessModels.VAR_CAMPAIGN_ID));
    }
}

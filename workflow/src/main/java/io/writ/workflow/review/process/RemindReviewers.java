package io.writ.workflow.review.process;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.review.ReviewDesk;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Reminds the reviewers who still owe decisions in the campaign. */
@Named(ProcessModels.BEAN_REMIND_REVIEWERS)
@Dependent
public class RemindReviewers implements JavaDelegate {

    @Inject
    ReviewDesk reviews;

    @Override
    public void execute(DelegateExecution execution) {
        reviews.remindReviewers((String) execution.getVariable(ProcessModels.VAR_CAMPAIGN_ID));
    }
}

package io.writ.workflow.review.process;

import io.writ.workflow.engine.StepRetries;
import io.writ.bpmn.ProcessModels;
import io.writ.domain.review.ReviewCampaign;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.variable.Variables;

import java.util.Date;

/** The access-review-campaign process of each campaign (business key = campaign id). */
@ApplicationScoped
public class ReviewCampaignProcess {

    @Inject
    ProcessEngineStartup startup;

    @Inject
    StepRetries retries;

    public void start(ReviewCampaign campaign, String remindAfter) {
        startup.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.ACCESS_REVIEW_CAMPAIGN,
                campaign.id(), Variables.createVariables()
                        .putValue(ProcessModels.VAR_CAMPAIGN_ID, campaign.id())
                        .putValue(ProcessModels.VAR_CAMPAIGN_DEADLINE, Date.from(campaign.deadline()))
                        .putValue(ProcessModels.VAR_REMIND_AFTER, remindAfter)
                        .putValue(ProcessModels.VAR_KEYCLOAK_RETRY_CYCLE, retries.keycloakRetryCycle()));
    }
}

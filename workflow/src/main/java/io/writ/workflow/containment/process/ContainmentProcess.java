package io.writ.workflow.containment.process;

import io.writ.workflow.engine.StepRetries;
import io.writ.bpmn.ProcessModels;
import io.writ.domain.alert.Alert;
import io.writ.domain.alert.TriageOutcome;
import io.writ.workflow.engine.ConcurrentlyGone;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The containment process of each alert (business key = alert id): started when containment starts, its triage
 * task completed with security's verdict. Only this class and the delegates know the process's names.
 */
@ApplicationScoped
public class ContainmentProcess {

    /** The candidate group of the triage task: the portal role that triages. */
    static final String TRIAGE_GROUP = "security";

    @Inject
    ProcessEngineStartup startup;

    @Inject
    StepRetries retries;

    public void start(Alert alert, boolean nonHuman) {
        startup.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.CONTAINMENT, alert.id(),
                Variables.createVariables()
                        .putValue(ProcessModels.VAR_ALERT_ID, alert.id())
                        .putValue(ProcessModels.VAR_NON_HUMAN, nonHuman)
                        .putValue(ProcessModels.VAR_TRIAGE_GROUP, TRIAGE_GROUP)
                        .putValue(ProcessModels.VAR_KEYCLOAK_RETRY_CYCLE, retries.keycloakRetryCycle()));
    }

    /** Completes the alert's triage task, if its containment process has reached it; false otherwise. */
    public boolean completeTriage(String alertId, TriageOutcome outcome) {
        var tasks = startup.engine().getTaskService();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(alertId)
                .processDefinitionKey(ProcessModels.CONTAINMENT).taskDefinitionKey(ProcessModels.TASK_TRIAGE)
                .singleResult();
        if (task == null) {
            return false;
        }
        ConcurrentlyGone.completeTask(startup.engine(), task.getId(),
                Variables.putValue(ProcessModels.VAR_TRIAGE_OUTCOME, outcome.name()));
        return true;
    }
}

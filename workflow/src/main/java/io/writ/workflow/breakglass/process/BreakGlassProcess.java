package io.writ.workflow.breakglass.process;

import io.writ.workflow.engine.StepRetries;
import io.writ.workflow.breakglass.BreakGlassSettings;
import io.writ.bpmn.ProcessModels;
import io.writ.domain.writ.Writ;
import io.writ.workflow.engine.ConcurrentlyGone;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.variable.Variables;

import java.util.Map;

/**
 * The break-glass process of each emergency writ (business key = writ id). It shares the elevation process's
 * variable names and its grant, window-end and revoke beans; ends are told to it by the same message.
 */
@ApplicationScoped
public class BreakGlassProcess {

    @Inject
    ProcessEngineStartup startup;

    @Inject
    StepRetries retries;

    @Inject
    BreakGlassSettings settings;

    public void start(Writ writ) {
        var instance = startup.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.BREAK_GLASS,
                writ.id(), Variables.createVariables()
                        .putValue(ProcessModels.VAR_WRIT_ID, writ.id())
                        .putValue(ProcessModels.VAR_KEYCLOAK_RETRY_CYCLE, retries.keycloakRetryCycle())
                        .putValue(ProcessModels.VAR_REVIEW_WITHIN, settings.reviewWithin()));
        writ.attachProcess(instance.getId());
    }

    /**
     * Completes the writ's post-incident review task, so its overdue timer stops. The review itself is on the writ;
     * a process that no longer waits for it (its history long gone, say) has nothing to complete.
     */
    public void completeReview(String writId) {
        var tasks = startup.engine().getTaskService();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(writId)
                .processDefinitionKey(ProcessModels.BREAK_GLASS).taskDefinitionKey(ProcessModels.TASK_REVIEW_BREAK_GLASS)
                .singleResult();
        if (task == null) {
            return;
        }
        ConcurrentlyGone.completeTask(startup.engine(), task.getId(), Map.of());
    }
}

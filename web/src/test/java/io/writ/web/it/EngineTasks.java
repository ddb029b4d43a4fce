package io.writ.web.it;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Works the engine's tasks directly, bypassing the API: what someone with engine access could do. */
@ApplicationScoped
public class EngineTasks {

    @Inject
    ProcessEngineStartup processEngine;

    /** Completes the writ's approval task through the task service, signed in to the engine as the given person. */
    @Transactional
    public void completeApproval(String writId, String asWho) {
        var engine = processEngine.engine();
        var tasks = engine.getTaskService();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(writId)
                .taskDefinitionKey(ProcessModels.TASK_DECIDE).singleResult();
        engine.getIdentityService().setAuthenticatedUserId(asWho);
        try {
            tasks.complete(task.getId(), Map.of(ProcessModels.VAR_DECISION, "APPROVE"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Transactional
    public long openApprovalTasks(String writId) {
        return processEngine.engine().getTaskService().createTaskQuery().processInstanceBusinessKey(writId)
                .taskDefinitionKey(ProcessModels.TASK_DECIDE).count();
    }
}

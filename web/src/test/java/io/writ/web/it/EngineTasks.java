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

    /** Completes the writ's approval task through the task service, as the given person. */
    @Transactional
    public void completeApproval(String writId, String asWho) {
        var tasks = processEngine.engine().getTaskService();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(writId)
                .taskDefinitionKey(ProcessModels.TASK_DECIDE).singleResult();
        tasks.complete(task.getId(), Map.of(ProcessModels.VAR_DECISION, "APPROVE",
                ProcessModels.VAR_DECIDED_BY, asWho));
    }

    @Transactional
    public long openApprovalTasks(String writId) {
        return processEngine.engine().getTaskService().createTaskQuery().processInstanceBusinessKey(writId)
                .taskDefinitionKey(ProcessModels.TASK_DECIDE).count();
    }
}

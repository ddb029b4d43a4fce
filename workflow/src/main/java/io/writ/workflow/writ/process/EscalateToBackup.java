package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The writ has waited too long: the backup group may decide on it too. */
@Named(ProcessModels.BEAN_ESCALATE_TO_BACKUP)
@Dependent
public class EscalateToBackup implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        var backupGroup = (String) execution.getVariable(ProcessModels.VAR_BACKUP_APPROVER_GROUP);
        var taskService = execution.getProcessEngineServices().getTaskService();
        taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProcessModels.TASK_DECIDE)
                .list()
                .forEach(task -> taskService.addCandidateGroup(task.getId(), backupGroup));
        steps.escalate(ApplyPolicy.writId(execution), backupGroup);
    }
}

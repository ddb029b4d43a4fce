package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.writ.Decision;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Runs when the approval task is completed, whoever completes it (the API, a page, or the engine's task service
 * directly): the writ applies the decision under its separation-of-duties rules, or refuses it and the completion
 * rolls back. The decider is the engine's authenticated user, never a variable the completer could set to someone
 * else's name; a completion without one is refused.
 */
@Named(ProcessModels.BEAN_RECORD_DECISION)
@Dependent
public class RecordDecision implements TaskListener {

    @Inject
    ElevationSteps steps;

    @Override
    public void notify(DelegateTask task) {
        var decision = task.getVariable(ProcessModels.VAR_DECISION);
        var state = steps.recordDecision(
                (String) task.getVariable(ProcessModels.VAR_WRIT_ID),
                decider(task),
                signIn(task),
                decision == null ? null : Decision.valueOf(decision.toString()),
                (String) task.getVariable(ProcessModels.VAR_DECISION_COMMENT));
        task.getExecution().setVariable(ProcessModels.VAR_WRIT_STATE, state.name());
        // The next approver starts afresh: one decision's variables must not be taken for the next one's.
        task.getExecution().removeVariable(ProcessModels.VAR_DECISION);
        task.getExecution().removeVariable(ProcessModels.VAR_DECISION_COMMENT);
    }

    /** How the approver had signed in, as the completer passed it (transient: the engine does not keep it). */
    private static SignIn signIn(DelegateTask task) {
        var acr = (String) task.getVariable(ProcessModels.VAR_SIGN_IN_ACR);
        var at = (String) task.getVariable(ProcessModels.VAR_SIGN_IN_AT);
        return new SignIn(acr, at == null ? null : Instant.parse(at));
    }

    private static String decider(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

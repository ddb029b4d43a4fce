package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.Map;

/** Applies the policy decision's result to the writ; tells the process whether it is approved at once, and by whom. */
@Named(ProcessModels.BEAN_APPLY_POLICY)
@Dependent
public class ApplyPolicy implements JavaDelegate {

    @Inject
    ElevationSteps steps;

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        var policy = (Map<String, Object>) execution.getVariable(ProcessModels.VAR_POLICY);
        if (policy == null) {
            throw new IllegalStateException("no row of the elevation policy matched writ " + writId(execution)
                    + ": the decision table must cover every risk tier");
        }
        var writ = steps.applyPolicy(writId(execution),
                ((Number) policy.get(ProcessModels.POLICY_MIN_APPROVALS)).intValue(),
                ((Number) policy.get(ProcessModels.POLICY_MAX_MINUTES_CAP)).intValue(),
                (Boolean) policy.get(ProcessModels.POLICY_AUTO_APPROVE),
                (Boolean) policy.get(ProcessModels.POLICY_SPONSOR_REQUIRED));
        var applied = writ.policy().orElseThrow();
        execution.setVariable(ProcessModels.VAR_AUTO_APPROVED, applied.autoApprove());
        execution.setVariable(ProcessModels.VAR_APPROVER_GROUP, applied.sponsorRequired()
                ? applied.approverGroup() + "," + applied.sponsorGroup() : applied.approverGroup());
    }

    public static String writId(DelegateExecution execution) {
        return (String) execution.getVariable(ProcessModels.VAR_WRIT_ID);
    }
}

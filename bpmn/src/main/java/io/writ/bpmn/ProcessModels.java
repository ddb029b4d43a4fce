package io.writ.bpmn;

import java.util.List;

/** Process keys, element ids and the model resources the engine deploys: one place for every name Java uses. */
public final class ProcessModels {

    /** Every model resource on the class path that the embedded engine deploys at start. */
    public static final List<String> RESOURCES = List.of(
            "process-engine-probe.bpmn");

    /** A timer that fires one second after start: proves the job executor runs timers in time. */
    public static final String PROBE = "process-engine-probe";
    public static final String PROBE_TIMER = "Timer_OneSecond";
    public static final String PROBE_END = "End_TimerFired";

    public static final String ELEVATION = "elevation-request";
    public static final String TASK_DECIDE = "Task_DecideElevation";
    public static final String TIMER_WINDOW_ENDED = "Timer_WindowEnded";
    public static final String MESSAGE_END_REQUESTED = "WritEndRequested";
    public static final String MESSAGE_CANCELLED = "WritCancelled";
    public static final String VAR_WRIT_ID = "writId";
    public static final String VAR_RISK_TIER = "riskTier";
    public static final String VAR_TICKET_OPEN = "ticketOpen";
    public static final String VAR_THIRD_PARTY = "thirdParty";
    public static final String VAR_BREAK_GLASS = "breakGlass";
    public static final String VAR_REMINDER_AFTER = "reminderAfter";
    public static final String VAR_ESCALATE_AFTER = "escalateAfter";
    public static final String VAR_APPROVAL_DEADLINE = "approvalDeadline";
    public static final String VAR_KEYCLOAK_RETRY_CYCLE = "keycloakRetryCycle";
    public static final String VAR_BACKUP_APPROVER_GROUP = "backupApproverGroup";
    public static final String VAR_POLICY = "policy";
    public static final String POLICY_MIN_APPROVALS = "minApprovals";
    public static final String POLICY_MAX_MINUTES_CAP = "maxMinutesCap";
    public static final String POLICY_AUTO_APPROVE = "autoApprove";
    public static final String POLICY_SPONSOR_REQUIRED = "sponsorRequired";
    public static final String VAR_AUTO_APPROVED = "autoApproved";
    public static final String VAR_APPROVER_GROUP = "approverGroup";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECIDED_BY = "decidedBy";
    public static final String VAR_COMMENT = "comment";
    public static final String VAR_WRIT_STATE = "writState";
    public static final String VAR_WINDOW_END = "windowEnd";
    public static final String BEAN_APPLY_POLICY = "applyPolicy";
    public static final String BEAN_RECORD_DECISION = "recordDecision";
    public static final String BEAN_GRANT_ACCESS = "grantAccess";
    public static final String BEAN_END_WINDOW = "endWindow";
    public static final String BEAN_REVOKE_ACCESS = "revokeAccess";
    public static final String BEAN_REMIND_APPROVERS = "remindApprovers";
    public static final String BEAN_ESCALATE_TO_BACKUP = "escalateToBackup";
    public static final String BEAN_EXPIRE_UNAPPROVED = "expireUnapproved";

    private ProcessModels() {
    }
}

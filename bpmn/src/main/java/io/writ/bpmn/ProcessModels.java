package io.writ.bpmn;

import java.util.List;

/** Process keys, element ids and the model resources the engine deploys: one place for every name Java uses. */
public final class ProcessModels {

    /** Every model resource on the class path that the embedded engine deploys at start. */
    public static final List<String> RESOURCES = List.of(
            "process-engine-probe.bpmn",
            "elevation-policy.dmn",
            "elevation-request.bpmn",
            "containment.bpmn",
            "credential-rotation.bpmn",
            "break-glass.bpmn",
            "access-review-campaign.bpmn");

    /** A timer that fires one second after start: proves the job executor runs timers in time. */
    public static final String PROBE = "process-engine-probe";
    public static final String PROBE_TIMER = "Timer_OneSecond";
    public static final String PROBE_END = "End_TimerFired";

    // --- elevation-policy.dmn ------------------------------------------------------------------------------------

    /** Decision key: how a writ is approved, from its risk tier and the facts about the request. */
    public static final String ELEVATION_POLICY = "elevation-policy";
    /** Output of {@link #ELEVATION_POLICY} (Integer): approvals required, N of the approver group. */
    public static final String POLICY_MIN_APPROVALS = "minApprovals";
    /** Output of {@link #ELEVATION_POLICY} (Boolean): approved at once. */
    public static final String POLICY_AUTO_APPROVE = "autoApprove";
    /** Output of {@link #ELEVATION_POLICY} (Boolean): a sponsor approves in addition to the approvers. */
    public static final String POLICY_SPONSOR_REQUIRED = "sponsorRequired";
    /** Output of {@link #ELEVATION_POLICY} (Integer): the longest window in minutes. */
    public static final String POLICY_MAX_MINUTES_CAP = "maxMinutesCap";

    // --- elevation-request.bpmn: process, elements, messages -----------------------------------------------------

    /** Process key; started with the writ id as business key. */
    public static final String ELEVATION = "elevation-request";

    public static final String START_SUBMITTED = "Start_WritSubmitted";
    public static final String TASK_DECIDE_POLICY = "Task_DecideElevationPolicy";
    public static final String TASK_APPLY_POLICY = "Task_ApplyPolicy";
    public static final String GATEWAY_AUTO_APPROVED = "Gateway_AutoApproved";
    /** The approvers' user task; one instance per approval still needed. */
    public static final String TASK_DECIDE = "Task_DecideElevation";
    public static final String TIMER_REMIND = "Timer_RemindApprovers";
    public static final String TASK_REMIND = "Task_RemindApprovers";
    public static final String END_REMINDED = "End_Reminded";
    public static final String TIMER_ESCALATE = "Timer_EscalateToBackup";
    public static final String TASK_ESCALATE = "Task_EscalateToBackup";
    public static final String END_ESCALATED = "End_Escalated";
    public static final String TIMER_APPROVAL_DEADLINE = "Timer_ApprovalDeadline";
    public static final String TASK_EXPIRE_UNAPPROVED = "Task_ExpireUnapproved";
    public static final String END_EXPIRED_UNAPPROVED = "End_ExpiredUnapproved";
    /** The message boundary event on {@link #TASK_DECIDE} that {@link #MESSAGE_CANCELLED} triggers. */
    public static final String EVENT_CANCELLED = "Message_WritCancelled";
    public static final String END_CANCELLED = "End_Cancelled";
    public static final String GATEWAY_DECISION = "Gateway_Decision";
    public static final String END_REJECTED = "End_Rejected";
    /** Asynchronous (asyncBefore): its job is the one that retries and raises the incident. */
    public static final String TASK_GRANT = "Task_GrantAccess";
    public static final String GATEWAY_AWAIT_END = "Gateway_AwaitEnd";
    /** Due at {@link #VAR_WINDOW_END}; an approved extension moves its job's due date. */
    public static final String TIMER_WINDOW_ENDED = "Timer_WindowEnded";
    public static final String TASK_END_WINDOW = "Task_EndWindow";
    /** The message catch event that {@link #MESSAGE_END_REQUESTED} triggers. */
    public static final String EVENT_END_REQUESTED = "Message_WritEndRequested";
    /** Asynchronous (asyncBefore): its job is the one that retries and raises the incident. */
    public static final String TASK_REVOKE = "Task_RevokeAccess";
    public static final String END_REVOKED = "End_Revoked";

    /** Message name: the requester withdrew a writ still awaiting approval (already recorded in the domain). */
    public static final String MESSAGE_CANCELLED = "WritCancelled";
    /**
     * Message name: an active writ ends before its window does (end now, ticket closed, containment); the end and
     * its reason are already recorded in the domain.
     */
    public static final String MESSAGE_END_REQUESTED = "WritEndRequested";

    // --- elevation-request.bpmn: variables -----------------------------------------------------------------------

    /** Start (String): the writ's id, also the business key. */
    public static final String VAR_WRIT_ID = "writId";
    /** Start (String): LOW, MEDIUM, HIGH or CRITICAL. */
    public static final String VAR_RISK_TIER = "riskTier";
    /** Start (Boolean): the writ names an open ticket. */
    public static final String VAR_TICKET_OPEN = "ticketOpen";
    /** Start (Boolean): the target identity is a third-party administrator. */
    public static final String VAR_THIRD_PARTY = "thirdParty";
    /** Start (Boolean): asked as break-glass. */
    public static final String VAR_BREAK_GLASS = "breakGlass";
    /** Start (String, ISO-8601 duration such as PT30M): when approvers are reminded. */
    public static final String VAR_REMINDER_AFTER = "reminderAfter";
    /** Start (String, ISO-8601 duration): when the backup group is added to the decision task. */
    public static final String VAR_ESCALATE_AFTER = "escalateAfter";
    /** Start (String, ISO-8601 duration): when an undecided writ expires unapproved. */
    public static final String VAR_APPROVAL_DEADLINE = "approvalDeadline";
    /** Start (String, ISO-8601 repeating interval such as R10/PT30S): retries of the Keycloak steps. */
    public static final String VAR_KEYCLOAK_RETRY_CYCLE = "keycloakRetryCycle";
    /** Start (String): the group added as candidates on escalation. */
    public static final String VAR_BACKUP_APPROVER_GROUP = "backupApproverGroup";
    /** Set by the policy decision (Map of the POLICY_* outputs). */
    public static final String VAR_POLICY = "policy";
    /** Set by {@link #BEAN_APPLY_POLICY} (Boolean). */
    public static final String VAR_AUTO_APPROVED = "autoApproved";
    /** Set by {@link #BEAN_APPLY_POLICY} (String): candidate group(s) of the decision task, comma-separated. */
    public static final String VAR_APPROVER_GROUP = "approverGroup";
    /** Given when completing {@link #TASK_DECIDE} (String): APPROVE or REJECT. */
    public static final String VAR_DECISION = "decision";
    /** Given when completing {@link #TASK_DECIDE} (String): the approver's comment; required to reject. */
    public static final String VAR_DECISION_COMMENT = "decisionComment";
    /** How the approver had signed in (acr, auth_time as ISO-8601): transient, for the decision's listener only. */
    public static final String VAR_SIGN_IN_ACR = "signInAcr";
    public static final String VAR_SIGN_IN_AT = "signInAt";
    /** Set by {@link #BEAN_RECORD_DECISION} (String): APPROVED, REJECTED or PENDING_APPROVAL. */
    public static final String VAR_WRIT_STATE = "writState";
    /** Set by {@link #BEAN_GRANT_ACCESS} (java.util.Date): when the window ends. */
    public static final String VAR_WINDOW_END = "windowEnd";

    // --- elevation-request.bpmn: beans the model calls by name ---------------------------------------------------

    /** JavaDelegate: applies {@link #VAR_POLICY} to the writ; sets {@link #VAR_AUTO_APPROVED}, {@link #VAR_APPROVER_GROUP}. */
    public static final String BEAN_APPLY_POLICY = "applyPolicy";
    /** TaskListener (complete): applies the decision in the domain; sets {@link #VAR_WRIT_STATE}. */
    public static final String BEAN_RECORD_DECISION = "recordDecision";
    public static final String BEAN_REMIND_APPROVERS = "remindApprovers";
    public static final String BEAN_ESCALATE_TO_BACKUP = "escalateToBackup";
    public static final String BEAN_EXPIRE_UNAPPROVED = "expireUnapproved";
    /** JavaDelegate: grants in Keycloak, reads it back, records the grant; sets {@link #VAR_WINDOW_END}. */
    public static final String BEAN_GRANT_ACCESS = "grantAccess";
    public static final String BEAN_END_WINDOW = "endWindow";
    public static final String BEAN_REVOKE_ACCESS = "revokeAccess";

    // --- containment.bpmn ---------------------------------------------------------------------------------------

    /** Process key; started with the alert id as business key. */
    public static final String CONTAINMENT = "containment";
    public static final String START_ALERT_RAISED = "Start_AlertRaised";
    /** Asynchronous: ends the writ as CONTAINED (its own process revokes) and logs the identity out. */
    public static final String TASK_CONTAIN_WRIT = "Task_ContainWrit";
    public static final String GATEWAY_NON_HUMAN = "Gateway_NonHuman";
    /** Asynchronous: regenerates the NHI's client secret in Keycloak. */
    public static final String TASK_ROTATE_SECRET = "Task_RotateNhiSecret";
    /** Joins the person's and the NHI's paths before {@link #TASK_RECORD_CONTAINMENT}. */
    public static final String GATEWAY_CONTAINED = "Gateway_Contained";
    public static final String TASK_RECORD_CONTAINMENT = "Task_RecordContainment";
    /** Security's user task: dismiss, confirm or escalate. */
    public static final String TASK_TRIAGE = "Task_TriageAlert";
    public static final String GATEWAY_TRIAGE = "Gateway_TriageOutcome";
    public static final String END_DISMISSED = "End_Dismissed";
    public static final String END_CONFIRMED = "End_Confirmed";
    public static final String END_ESCALATED_TO_INCIDENT_RESPONSE = "End_EscalatedToIncidentResponse";

    /** Start (String): the alert's id, also the business key. */
    public static final String VAR_ALERT_ID = "alertId";
    /** Start (Boolean): the identity under alert is an NHI, so its secret is rotated. */
    public static final String VAR_NON_HUMAN = "nonHuman";
    /** Start (String): the security group that triages. */
    public static final String VAR_TRIAGE_GROUP = "triageGroup";
    /** Set by the containment steps (String): what was done, in a sentence each. */
    public static final String VAR_CONTAINMENT = "containment";
    /** Given when completing {@link #TASK_TRIAGE} (String): DISMISS, CONFIRM or ESCALATE. */
    public static final String VAR_TRIAGE_OUTCOME = "triageOutcome";

    public static final String BEAN_CONTAIN_WRIT = "containWrit";
    public static final String BEAN_ROTATE_NHI_SECRET = "rotateNhiSecret";
    public static final String BEAN_RECORD_CONTAINMENT = "recordContainment";

    // --- credential-rotation.bpmn ---------------------------------------------------------------------------------

    /** Process key; started with the client id as business key. */
    public static final String CREDENTIAL_ROTATION = "credential-rotation";
    public static final String START_ROTATION_REQUESTED = "Start_RotationRequested";
    /** Asynchronous: regenerates the client secret in Keycloak and records the evidence. */
    public static final String TASK_REGENERATE_SECRET = "Task_RegenerateSecret";
    public static final String TASK_NOTIFY_OWNER = "Task_NotifyOwner";
    public static final String END_ROTATED = "End_Rotated";

    /** Start (String): the NHI's client id, also the business key. */
    public static final String VAR_CLIENT_ID = "clientId";
    /** Start (String): why: ON_DEMAND, POLICY, BREAK_GLASS or CONTAINMENT. */
    public static final String VAR_ROTATION_REASON = "rotationReason";
    /** Start (String): who asked for it ({@code system} for the schedule). */
    public static final String VAR_REQUESTED_BY = "requestedBy";

    public static final String BEAN_REGENERATE_SECRET = "regenerateSecret";
    public static final String BEAN_NOTIFY_OWNER = "notifyOwner";

    // --- break-glass.bpmn -----------------------------------------------------------------------------------------

    /** Process key; started with the writ id as business key. Shares the writ's variables and beans above. */
    public static final String BREAK_GLASS = "break-glass";
    public static final String START_GLASS_BROKEN = "Start_GlassBroken";
    public static final String TASK_APPLY_BREAK_GLASS_POLICY = "Task_ApplyBreakGlassPolicy";
    public static final String TASK_NOTIFY_BREAK_GLASS = "Task_NotifyBreakGlass";
    public static final String TASK_ROTATE_TOUCHED_CREDENTIALS = "Task_RotateTouchedCredentials";
    public static final String TASK_OPEN_POST_INCIDENT_REVIEW = "Task_OpenPostIncidentReview";
    /** Security's user task: the mandatory post-incident review, due at {@link #VAR_REVIEW_DUE}. */
    public static final String TASK_REVIEW_BREAK_GLASS = "Task_ReviewBreakGlass";
    public static final String TIMER_REVIEW_OVERDUE = "Timer_ReviewOverdue";
    public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";
    public static final String END_REVIEWED = "End_Reviewed";
    public static final String END_REVIEW_ESCALATED = "End_ReviewEscalated";

    /** Start (String, ISO-8601 duration such as P2D): how long security has for the post-incident review. */
    public static final String VAR_REVIEW_WITHIN = "reviewWithin";
    /** Set by {@link #BEAN_OPEN_POST_INCIDENT_REVIEW} (java.util.Date): when the review is due. */
    public static final String VAR_REVIEW_DUE = "reviewDue";

    public static final String BEAN_APPLY_BREAK_GLASS_POLICY = "applyBreakGlassPolicy";
    public static final String BEAN_NOTIFY_BREAK_GLASS = "notifyBreakGlass";
    public static final String BEAN_ROTATE_TOUCHED_CREDENTIALS = "rotateTouchedCredentials";
    public static final String BEAN_OPEN_POST_INCIDENT_REVIEW = "openPostIncidentReview";
    public static final String BEAN_ESCALATE_REVIEW = "escalateBreakGlassReview";

    // --- access-review-campaign.bpmn -------------------------------------------------------------------------------

    /** Process key; started with the campaign id as business key once its items were collected. */
    public static final String ACCESS_REVIEW_CAMPAIGN = "access-review-campaign";
    public static final String START_CAMPAIGN_STARTED = "Start_CampaignStarted";
    /** The wait while reviewers decide in their inbox (decisions act at once; the process keeps the clock). */
    public static final String TASK_AWAIT_REVIEWS = "Task_AwaitReviews";
    /** Non-interrupting, after {@link #VAR_REMIND_AFTER}: reviewers with undecided items are reminded. */
    public static final String TIMER_REMIND_REVIEWERS = "Timer_RemindReviewers";
    public static final String TASK_REMIND_REVIEWERS = "Task_RemindReviewers";
    public static final String END_REVIEWERS_REMINDED = "End_ReviewersReminded";
    /** Due at {@link #VAR_CAMPAIGN_DEADLINE}. */
    public static final String TIMER_CAMPAIGN_DEADLINE = "Timer_CampaignDeadline";
    /** Asynchronous (asyncBefore): revokes fail-closed items in Keycloak, so it retries and raises the incident. */
    public static final String TASK_CLOSE_AT_DEADLINE = "Task_CloseCampaignAtDeadline";
    public static final String END_CAMPAIGN_CLOSED = "End_CampaignClosed";
    /** Reached only if something signals {@link #TASK_AWAIT_REVIEWS}, which nothing does: the campaign stays open. */
    public static final String END_REVIEWS_ENDED = "End_ReviewsEnded";

    /** Start (String): the campaign's id, also the business key. */
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    /** Start (java.util.Date): the campaign's deadline. */
    public static final String VAR_CAMPAIGN_DEADLINE = "campaignDeadline";
    /** Start (String, ISO-8601 duration): when reviewers with undecided items are reminded. */
    public static final String VAR_REMIND_AFTER = "remindAfter";

    public static final String BEAN_REMIND_REVIEWERS = "remindReviewers";
    public static final String BEAN_CLOSE_CAMPAIGN_AT_DEADLINE = "closeCampaignAtDeadline";

    private ProcessModels() {
    }
}

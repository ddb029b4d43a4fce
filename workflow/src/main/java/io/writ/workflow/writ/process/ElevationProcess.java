package io.writ.workflow.writ.process;

import io.writ.workflow.engine.StepRetries;
import io.writ.bpmn.ProcessModels;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Writ;
import io.writ.domain.NotFound;
import io.writ.workflow.writ.WritSettings;
import io.writ.workflow.writ.WritDiagram;
import io.writ.workflow.engine.ConcurrentlyGone;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.engine.variable.Variables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The elevation-request process of each writ (business key = writ id): started on submission, told about
 * decisions, ends and cancellations. Only this class and the delegates know the process's names.
 */
@ApplicationScoped
public class ElevationProcess {

    @Inject
    ProcessEngineStartup startup;

    @Inject
    StepRetries retries;

    @Inject
    WritSettings settings;

    public void start(Writ writ, boolean ticketOpen) {
        var instance = engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.ELEVATION, writ.id(),
                Variables.createVariables()
                        .putValue(ProcessModels.VAR_WRIT_ID, writ.id())
                        .putValue(ProcessModels.VAR_RISK_TIER, writ.riskTier().name())
                        .putValue(ProcessModels.VAR_TICKET_OPEN, ticketOpen)
                        .putValue(ProcessModels.VAR_THIRD_PARTY, writ.thirdParty())
                        .putValue(ProcessModels.VAR_BREAK_GLASS, writ.breakGlass())
                        .putValue(ProcessModels.VAR_REMINDER_AFTER, settings.remindAfter())
                        .putValue(ProcessModels.VAR_ESCALATE_AFTER, settings.escalateAfter())
                        .putValue(ProcessModels.VAR_APPROVAL_DEADLINE, settings.approvalDeadline())
                        .putValue(ProcessModels.VAR_KEYCLOAK_RETRY_CYCLE, retries.keycloakRetryCycle())
                        .putValue(ProcessModels.VAR_BACKUP_APPROVER_GROUP, settings.backupApproverGroup()));
        writ.attachProcess(instance.getId());
    }

    /**
     * Completes the writ's open approval task with this decision; the task's listener applies it to the writ.
     * Returns false when the writ has no open approval task.
     */
    public boolean completeDecision(String writId, String approver, SignIn signIn, Decision decision,
                                    String comment) {
        var taskService = engine().getTaskService();
        var task = taskService.createTaskQuery()
                .processDefinitionKey(ProcessModels.ELEVATION)
                .processInstanceBusinessKey(writId)
                .taskDefinitionKey(ProcessModels.TASK_DECIDE)
                .singleResult();
        if (task == null) {
            return false;
        }
        // The decision is made as the approver: the task's listener takes the decider from the engine's
        // authentication, which a caller of the task service cannot fake through a variable.
        var identity = engine().getIdentityService();
        identity.setAuthenticatedUserId(approver);
        try {
            ConcurrentlyGone.completeTask(engine(), task.getId(), Variables.createVariables()
                    .putValue(ProcessModels.VAR_DECISION, decision.name())
                    .putValue(ProcessModels.VAR_DECISION_COMMENT, comment)
                    // how the approver had signed in: read by the task's listener, never kept by the engine
                    .putValueTyped(ProcessModels.VAR_SIGN_IN_ACR, Variables.stringValue(signIn.acr(), true))
                    .putValueTyped(ProcessModels.VAR_SIGN_IN_AT, Variables.stringValue(
                            signIn.atIfKnown().map(Object::toString).orElse(null), true)));
        } finally {
            identity.clearAuthentication();
        }
        return true;
    }

    /** The writ's end was recorded (end now, ticket closed, containment): the process revokes. */
    public void requestEnd(String writId) {
        ConcurrentlyGone.correlateAll(engine(), ProcessModels.MESSAGE_END_REQUESTED, writId);
    }

    /** The writ was withdrawn before approval: the process stops waiting for decisions. */
    public void cancel(String writId) {
        ConcurrentlyGone.correlateAll(engine(), ProcessModels.MESSAGE_CANCELLED, writId);
    }

    /**
     * An approved extension: the window's timer fires at the new end instead. When the timer goes between finding it
     * and moving it, another action moved the writ's process on at that moment (the writ's end): that is a concurrent
     * change, and the extension's decision is done again on what it left.
     */
    public void moveWindowEnd(String writId, Instant newEnd) {
        var instance = engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.ELEVATION).processInstanceBusinessKey(writId).singleResult();
        if (instance == null) {
            return;
        }
        var management = engine().getManagementService();
        management.createJobQuery().processInstanceId(instance.getId())
                .activityId(ProcessModels.TIMER_WINDOW_ENDED).list()
                .forEach(job -> ConcurrentlyGone.moveJob(engine(), job.getId(), Date.from(newEnd)));
    }

    /**
     * The writ's process as a diagram. The engine reports a writ in its window as waiting at the event-based gateway
     * (the gateway is the active activity; the timer and the message only have a job and a subscription), so the
     * window's timer is shown as current with it: that is the step a person understands as "waiting for the window
     * to end".
     */
    public WritDiagram diagramOf(Writ writ) {
        var instanceId = writ.processInstanceId().orElseThrow(() ->
                new NotFound("writ " + writ.id() + " has no process (yet)"));
        try {
            return diagramOf(writ, instanceId);
        } catch (NullValueException endedMeanwhile) {
            // The process ended between reading its history and its runtime (a page read just as the writ ended,
            // the page after "End now" for one): read again, now as finished.
            return diagramOf(writ, instanceId);
        }
    }

    private WritDiagram diagramOf(Writ writ, String instanceId) {
        var history = engine().getHistoryService();
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) {
            throw new NotFound("the process of writ " + writ.id() + " is no longer kept (history time to live)");
        }
        var repository = engine().getRepositoryService();
        var definitionId = instance.getProcessDefinitionId();
        String xml;
        try (var model = repository.getProcessModel(definitionId)) {
            xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model of " + definitionId, e);
        }
        var runtime = engine().getRuntimeService();
        boolean running = instance.getEndTime() == null;
        var active = new LinkedHashSet<String>(running ? runtime.getActiveActivityIds(instanceId) : List.of());
        if (active.contains(ProcessModels.GATEWAY_AWAIT_END)) {
            active.add(ProcessModels.TIMER_WINDOW_ENDED);
        }
        var completed = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(id -> !active.contains(id))
                .distinct()
                .toList();
        var names = repository.getBpmnModelInstance(definitionId);
        Function<String, String> nameOf = id -> {
            var element = names.getModelElementById(id);
            var name = element instanceof FlowElement flow ? flow.getName() : null;
            return name == null || name.isBlank() ? id : name;
        };
        String step;
        if (!running) {
            step = "Finished: " + Optional.ofNullable(instance.getEndActivityId()).map(nameOf).orElse("ended");
        } else {
            step = active.stream().filter(STEPS::containsKey).findFirst().map(STEPS::get)
                    .orElseGet(() -> String.join(", ", active.stream().map(nameOf).toList()));
            if (engine().getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count() > 0) {
                step += " (failed; retried until Keycloak answers)";
            }
        }
        return new WritDiagram(xml, List.copyOf(active), completed, step);
    }

    /** The steps a person waits on, in their words; anything else is called by its name in the model. */
    private static final Map<String, String> STEPS = Map.of(
            ProcessModels.TASK_DECIDE, "Waiting for approvers to decide",
            ProcessModels.TASK_GRANT, "Granting access in Keycloak",
            ProcessModels.GATEWAY_AWAIT_END, "Waiting for the window to end",
            ProcessModels.TASK_REVOKE, "Revoking access in Keycloak");

    private ProcessEngine engine() {
        return startup.engine();
    }
}

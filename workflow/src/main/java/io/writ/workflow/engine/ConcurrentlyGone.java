package io.writ.workflow.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;

import java.util.Map;

/**
 * Acting on a task, a job or a message subscription another action may take away at the same moment: found by a
 * query, gone a moment later because the other committed first (two approvers completing one approval task, an end
 * taking the window's timer away while an extension moves it, two ends delivering the one end message). That is a concurrent change like the engine's optimistic locks report, and is
 * answered the same way: the action is done again ({@link ConcurrentChangeRetry}) on what the other left.
 */
public final class ConcurrentlyGone {

    private ConcurrentlyGone() {
    }

    /** Completes the task; a task completed by another action in the meantime is a concurrent change. */
    public static void completeTask(ProcessEngine engine, String taskId, Map<String, Object> variables) {
        try {
            engine.getTaskService().complete(taskId, variables);
        } catch (ProcessEngineException failure) {
            if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
                throw failure; // still there: the completion itself was refused
            }
            throw new OptimisticLockingException("task " + taskId + " was completed by another action at the same "
                    + "moment");
        }
    }

    /** Moves the job's due date; a job another action took away in the meantime is a concurrent change. */
    public static void moveJob(ProcessEngine engine, String jobId, java.util.Date due) {
        var management = engine.getManagementService();
        try {
            management.setJobDuedate(jobId, due);
        } catch (ProcessEngineException failure) {
            if (management.createJobQuery().jobId(jobId).count() > 0) {
                throw failure;
            }
            throw new OptimisticLockingException("job " + jobId + " went at the same moment its due date was moved");
        }
    }

    /**
     * Delivers the message to every process instance of the business key waiting for it; a subscription that another
     * delivery took away between finding and delivering is a concurrent change. None waiting delivers nothing.
     */
    public static void correlateAll(ProcessEngine engine, String message, String businessKey) {
        var runtime = engine.getRuntimeService();
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlateAllWithResult();
        } catch (OptimisticLockingException concurrent) {
            throw concurrent;
        } catch (NullPointerException tripped) {
            // The engine trips over the executions another action deletes at that moment (a NullPointerException in
            // its delete cascade, seen under load with an end and a ticket's closure at once): done again, on what
            // the other left, and answered as it.
            var concurrent = new OptimisticLockingException(message + " for " + businessKey + " met executions "
                    + "another action was ending at the same moment");
            concurrent.initCause(tripped);
            throw concurrent;
        } catch (ProcessEngineException failure) {
            if (runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                    .messageEventSubscriptionName(message).count() > 0) {
                throw failure;
            }
            throw new OptimisticLockingException(message + " for " + businessKey + " was delivered by another "
                    + "action at the same moment");
        }
    }
}

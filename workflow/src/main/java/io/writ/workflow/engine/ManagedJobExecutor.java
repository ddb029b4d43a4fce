package io.writ.workflow.engine;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the engine's jobs on the container's managed threads, so delegates see the application's class loader,
 * naming context and CDI beans just as a request thread does.
 */
class ManagedJobExecutor extends JobExecutor {

    private final ManagedExecutorService threads;

    ManagedJobExecutor(ManagedExecutorService threads) {
        this.threads = threads;
    }

    @Override
    protected void startExecutingJobs() {
        startJobAcquisitionThread();
    }

    @Override
    protected void stopExecutingJobs() {
        stopJobAcquisitionThread();
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        try {
            threads.execute(getExecuteJobsRunnable(jobIds, processEngine));
        } catch (RejectedExecutionException e) {
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }
}

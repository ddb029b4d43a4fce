package io.writ.workflow.engine;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine's jobs on a pool of its own, made of the container's managed threads: delegates see the
 * application's class loader, naming context and CDI beans as a request thread does, and the pool's size is ours
 * (the container's shared default executor runs its tasks one after another, so one slow job held up every other).
 */
class ManagedJobExecutor extends ThreadPoolJobExecutor {

    ManagedJobExecutor(ManagedThreadFactory threads, int size, int queueSize) {
        var pool = new ThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), threads);
        // The threads are made when the engine's acquisition thread (a plain thread) first hands over jobs, so they
        // carry no component invocation, and Payara warns "No ComponentInvocation present for @Transactional" once
        // per transaction. Made in advance at start, they would all share the start's invocation instead, and under
        // load Payara's pool then closed one job's connection while another job was using it ("Connection closed",
        // "state.isBusy already set to false"; seen in the benchmark). The warning is the lesser evil.
        setThreadPoolExecutor(pool);
    }

    @Override
    protected void stopExecutingJobs() {
        super.stopExecutingJobs();
        threadPoolExecutor.shutdown();
        try {
            if (!threadPoolExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                threadPoolExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threadPoolExecutor.shutdownNow();
        }
    }
}

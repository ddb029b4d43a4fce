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
        // Made now, while the portal starts: a managed thread takes the context of the thread that asks for it,
        // and the engine's acquisition thread, which would ask later, is a plain thread without the application's.
        pool.prestartAllCoreThreads();
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

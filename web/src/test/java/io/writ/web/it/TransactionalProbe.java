package io.writ.web.it;

import io.writ.bpmn.ProcessModels;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts the probe process in a container-managed transaction, as application services will. */
@ApplicationScoped
public class TransactionalProbe {

    @Inject
    ProcessEngineStartup processEngine;

    @Inject
    AuditTrail audit;

    @Transactional
    public long runningElevations() {
        return processEngine.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.ELEVATION).count();
    }

    @Transactional
    public String start() {
        return processEngine.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.PROBE).getId();
    }

    @Transactional
    public void record(AuditEntry entry) {
        audit.record(entry);
    }

    /** Records the entry, then keeps its transaction open until it may commit (at most 30 s). */
    @Transactional
    public void recordAndHold(AuditEntry entry, CountDownLatch recorded, CountDownLatch mayCommit)
            throws InterruptedException {
        audit.record(entry);
        recorded.countDown();
        if (!mayCommit.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never told to commit");
        }
    }

    /** Records the entry, then fails: the transaction rolls back. */
    @Transactional
    public void recordAndFail(AuditEntry entry) {
        audit.record(entry);
        throw new IllegalStateException("failed after recording");
    }
}

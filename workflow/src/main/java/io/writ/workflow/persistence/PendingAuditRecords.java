package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.ChainHead;
import io.writ.domain.audit.CheckpointSchedule;
import io.writ.domain.audit.CheckpointSeal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit entries of one transaction, chained when it commits. Just before the commit (the transaction's last
 * synchronization, after the persistence context and the process engine have written their rows) the head is
 * locked, the entries get their sequence numbers and links, and the commit releases the head: so a transaction
 * holds the head only for its own append, never while its body runs, and records are chained in the order their
 * transactions commit. A transaction that rolls back leaves no record and takes nothing from the chain.
 */
final class PendingAuditRecords implements Synchronization {

    private final TransactionSynchronizationRegistry transaction;
    private final EntityManager em;
    private final CheckpointSchedule schedule;
    private final CheckpointSeal seal;
    private final Clock clock;
    private final List<AuditEntry> entries = new ArrayList<>();

    PendingAuditRecords(TransactionSynchronizationRegistry transaction, EntityManager em, CheckpointSchedule schedule,
                        CheckpointSeal seal, Clock clock) {
        this.transaction = transaction;
        this.em = em;
        this.schedule = schedule;
        this.seal = seal;
        this.clock = clock;
    }

    void add(AuditEntry entry) {
        entries.add(AuditRecord.fitted(entry));
    }

    @Override
    public void beforeCompletion() {
        if (transaction.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            return; // it will roll back: nothing to chain
        }
        // Everything else is written first, so nothing waits on another row while the head is held.
        em.flush();
        var head = em.find(ChainHead.class, ChainHead.THE_HEAD, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain has no head: the database was not migrated to V7");
        }
        for (var entry : entries) {
            em.persist(new AuditRecord(head.append(entry)));
        }
        head.checkpointIfDue(schedule, clock.instant(), seal).ifPresent(em::persist);
        em.flush();
    }

    @Override
    public void afterCompletion(int status) {
        // committed with the transaction's other rows, or gone with its rollback: nothing is left to do
    }
}

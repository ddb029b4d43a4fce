package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.audit.ChainHead;
import io.writ.workflow.audit.AuditSettings;
import io.writ.workflow.audit.CheckpointKeyFile;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.util.List;

/**
 * The audit trail in the database, written in the same transaction as the change it records, so a change and its
 * record commit or roll back together.
 * <p>
 * A transaction's entries are kept until it commits and chained then ({@link PendingAuditRecords}): the chain's one
 * head row is locked ({@code select ... for update}) for that append only, so appends from concurrent transactions,
 * and from several portal nodes on one database, queue there for a moment and get one order of sequence numbers and
 * links, the order of their commits. The head is the last row a transaction locks, so two transactions never wait
 * on each other through it, and a transaction's body (calls to Keycloak, the process engine's work) never holds it.
 */
@Stateless
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Inject
    AuditSettings settings;

    @Inject
    CheckpointKeyFile key;

    Clock clock = Clock.systemUTC();

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Override
    public void record(AuditEntry entry) {
        var pending = (PendingAuditRecords) transaction.getResource(PendingAuditRecords.class);
        if (pending == null) {
            // The transaction's own entity manager, not the container's proxy: the proxy finds it through the
            // calling component, and at commit a job thread of the process engine has none ("Unable to retrieve
            // EntityManagerFactory"), which failed the commit of a revocation and left it an incident.
            var ownEntityManager = (EntityManager) em.getDelegate();
            pending = new PendingAuditRecords(transaction, ownEntityManager, settings.schedule(), key.seal(), clock);
            transaction.putResource(PendingAuditRecords.class, pending);
            transaction.registerInterposedSynchronization(pending);
        }
        pending.add(entry);
    }

    @Override
    public void checkpointIfDue() {
        var now = clock.instant();
        var head = em.find(ChainHead.class, ChainHead.THE_HEAD);
        // Most of the time nothing is due: only then take the lock (and read the head again under it).
        if (head == null || !head.checkpointDue(settings.schedule(), now)) {
            return;
        }
        em.refresh(head, LockModeType.PESSIMISTIC_WRITE);
        head.checkpointIfDue(settings.schedule(), now, key.seal()).ifPresent(em::persist);
    }

    @Override
    public List<AuditEntry> about(String subject) {
        return em.createQuery("select r from AuditRecord r where r.subject = :subject order by r.seq",
                        AuditRecord.class)
                .setParameter("subject", subject)
                .getResultList().stream().map(AuditRecord::entry).toList();
    }
}

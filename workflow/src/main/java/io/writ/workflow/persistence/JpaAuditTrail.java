package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.audit.ChainHead;
import io.writ.workflow.audit.AuditSettings;
import io.writ.workflow.audit.CheckpointKeyFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/**
 * The audit trail in the database, written in the same transaction as the change it records, so a change and its
 * record commit or roll back together.
 * <p>
 * Appending locks the chain's one head row ({@code select ... for update}) until the transaction ends: appends from
 * concurrent transactions, and from several portal nodes on one database, queue there and get one order of sequence
 * numbers and links. The lock is held from the append to the commit, so callers record after any call to Keycloak
 * or another remote system, and before they move the process engine on: then every transaction takes the head
 * before the engine's rows, and two of them never wait on each other (the writ, ticket and catalogue services do).
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

    @Override
    public void record(AuditEntry entry) {
        var head = em.find(ChainHead.class, ChainHead.THE_HEAD, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain has no head: the database was not migrated to V7");
        }
        em.persist(new AuditRecord(head.append(AuditRecord.fitted(entry))));
        head.checkpointIfDue(settings.schedule(), clock.instant(), key.seal()).ifPresent(em::persist);
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

package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditLedger;
import io.writ.domain.audit.ChainHead;
import io.writ.domain.audit.ChainedRecord;
import io.writ.domain.audit.Checkpoint;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * The stored audit chain, read. Each call is its own short transaction: verification reads the trail batch by batch,
 * so no transaction lasts as long as a walk through millions of records, and nothing read stays in memory.
 */
@Stateless
public class JpaAuditLedger implements AuditLedger {

    /** Read-only: Hibernate keeps no snapshot of what it loads, to compare at the end. */
    private static final String READ_ONLY = "org.hibernate.readOnly";

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public ChainHead head() {
        var head = em.find(ChainHead.class, ChainHead.THE_HEAD);
        return head == null ? ChainHead.empty() : ChainHead.at(head.seq(), head.hash());
    }

    @Override
    public List<ChainedRecord> records(long after, long upTo, int max) {
        return em.createQuery("select r from AuditRecord r where r.seq > :after and r.seq <= :upTo order by r.seq",
                        AuditRecord.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(max)
                .setHint(READ_ONLY, true)
                .getResultList().stream().map(AuditRecord::chained).toList();
    }

    @Override
    public Optional<ChainedRecord> withHash(String hash) {
        return em.createQuery("select r from AuditRecord r where r.hash = :hash order by r.seq", AuditRecord.class)
                .setParameter("hash", hash)
                .setMaxResults(1)
                .setHint(READ_ONLY, true)
                .getResultStream().findFirst().map(AuditRecord::chained);
    }

    @Override
    public List<Checkpoint> checkpoints(long after, long upTo) {
        return em.createQuery("select c from Checkpoint c where c.seq > :after and c.seq <= :upTo order by c.seq",
                        Checkpoint.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setHint(READ_ONLY, true)
                .getResultList();
    }

    @Override
    public List<Checkpoint> latestCheckpoints(int max) {
        return em.createQuery("select c from Checkpoint c order by c.seq desc", Checkpoint.class)
                .setMaxResults(max)
                .setHint(READ_ONLY, true)
                .getResultList();
    }

    @Override
    public List<ChainedRecord> newest(int first, int max) {
        return em.createQuery("select r from AuditRecord r order by r.seq desc", AuditRecord.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .setHint(READ_ONLY, true)
                .getResultList().stream().map(AuditRecord::chained).toList();
    }
}

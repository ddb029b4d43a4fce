package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The audit trail in the database, written in the same transaction as the change it records. */
@Stateless
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void record(AuditEntry entry) {
        em.persist(new AuditRecord(entry));
    }

    @Override
    public List<AuditEntry> about(String subject) {
        return em.createQuery("select r from AuditRecord r where r.subject = :subject order by r.id",
                        AuditRecord.class)
                .setParameter("subject", subject)
                .getResultList().stream().map(AuditRecord::entry).toList();
    }
}

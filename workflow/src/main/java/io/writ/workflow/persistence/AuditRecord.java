package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stored audit entry. Insert-only: the class has no way to change a stored record. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(updatable = false, length = 4000)
    private String detail;

    protected AuditRecord() {
        // for JPA
    }

    AuditRecord(AuditEntry entry) {
        this.at = entry.at();
        this.actor = entry.actor();
        this.action = entry.action();
        this.subject = entry.subject();
        this.detail = entry.detail() == null || entry.detail().length() <= 4000
                ? entry.detail() : entry.detail().substring(0, 4000);
    }

    AuditEntry entry() {
        return new AuditEntry(at, actor, action, subject, detail);
    }
}

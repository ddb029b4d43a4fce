package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.ChainedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stored audit record in its place in the chain. Insert-only: the class has no way to change a stored record. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    static final int DETAIL_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(updatable = false, length = DETAIL_LENGTH)
    private String detail;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditRecord() {
        // for JPA
    }

    AuditRecord(ChainedRecord record) {
        var entry = record.entry();
        this.seq = record.seq();
        this.at = entry.at();
        this.actor = entry.actor();
        this.action = entry.action();
        this.subject = entry.subject();
        this.detail = entry.detail();
        this.previousHash = record.previousHash();
        this.hash = record.hash();
    }

    /**
     * The entry as it will be stored: a detail longer than the column is cut, before it is hashed, so the hash is
     * over what is kept (and a cut never splits a character in two).
     */
    static AuditEntry fitted(AuditEntry entry) {
        var detail = entry.detail();
        if (detail == null || detail.length() <= DETAIL_LENGTH) {
            return entry;
        }
        var end = Character.isHighSurrogate(detail.charAt(DETAIL_LENGTH - 1)) ? DETAIL_LENGTH - 1 : DETAIL_LENGTH;
        return new AuditEntry(entry.at(), entry.actor(), entry.action(), entry.subject(), detail.substring(0, end));
    }

    AuditEntry entry() {
        return new AuditEntry(at, actor, action, subject, detail);
    }

    ChainedRecord chained() {
        return new ChainedRecord(id, seq, entry(), previousHash, hash);
    }
}

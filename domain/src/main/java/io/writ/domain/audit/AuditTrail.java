package io.writ.domain.audit;

import java.util.List;

/** The append-only record of what happened (a port; the adapter keeps it in the database). */
public interface AuditTrail {

    /** Appends one entry; entries are never changed or removed. */
    void record(AuditEntry entry);

    /** What happened to one subject ({@code kind:id}), oldest first. */
    List<AuditEntry> about(String subject);
}

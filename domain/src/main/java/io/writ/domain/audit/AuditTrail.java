package io.writ.domain.audit;

import java.util.List;

/**
 * The append-only record of what happened (a port; the adapter keeps it in the database). Each entry is chained to
 * the one before it ({@link ChainHead#append}); the chain's end is signed now and then ({@link Checkpoint}).
 */
public interface AuditTrail {

    /**
     * Appends one entry in the caller's transaction; entries are never changed or removed. Appending holds the
     * chain's head until the transaction ends: record after any call to a remote system, never before one.
     */
    void record(AuditEntry entry);

    /** Signs the chain's end when the checkpoint schedule says it is time (also done while appending). */
    void checkpointIfDue();

    /** What happened to one subject ({@code kind:id}), oldest first. */
    List<AuditEntry> about(String subject);
}

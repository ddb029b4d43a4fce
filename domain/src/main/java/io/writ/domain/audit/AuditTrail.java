package io.writ.domain.audit;

import java.util.List;

/**
 * The append-only record of what happened (a port; the adapter keeps it in the database). Each entry is chained to
 * the one before it ({@link ChainHead#append}); the chain's end is signed now and then ({@link Checkpoint}).
 */
public interface AuditTrail {

    /**
     * Adds one entry to the caller's transaction: it is chained when the transaction commits, and is gone if it rolls
     * back. Entries are never changed or removed.
     */
    void record(AuditEntry entry);

    /** Signs the chain's end when the checkpoint schedule says it is time (also done while appending). */
    void checkpointIfDue();

    /** What happened to one subject ({@code kind:id}), oldest first. */
    List<AuditEntry> about(String subject);
}

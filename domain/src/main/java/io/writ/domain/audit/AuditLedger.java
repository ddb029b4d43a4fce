package io.writ.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail as stored, read back for verification and for people to look at (a port; the adapter reads the
 * database). Reads only: records are appended through {@link AuditTrail}.
 */
public interface AuditLedger {

    /** The end of the chain as last committed. */
    ChainHead head();

    /** Records with {@code after < seq <= upTo}, in sequence order, at most {@code max} of them. */
    List<ChainedRecord> records(long after, long upTo, int max);

    /** The stored record with this hash, wherever it now sits. */
    Optional<ChainedRecord> withHash(String hash);

    /** The checkpoints with {@code after < seq <= upTo}, in sequence order. */
    List<Checkpoint> checkpoints(long after, long upTo);

    /** The latest checkpoints, newest first. */
    List<Checkpoint> latestCheckpoints(int max);

    /** The newest records first, skipping {@code first}, at most {@code max}. */
    List<ChainedRecord> newest(int first, int max);
}

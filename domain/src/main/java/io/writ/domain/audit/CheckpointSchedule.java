package io.writ.domain.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * How often the chain is signed: after this many records, and at least this often while records keep arriving.
 *
 * @param everyRecords a checkpoint once this many records were appended since the last one
 * @param every        a checkpoint when the last one is this old and records were appended since
 */
public record CheckpointSchedule(int everyRecords, Duration every) {

    public CheckpointSchedule {
        if (everyRecords < 1) {
            throw new IllegalArgumentException("checkpoints every " + everyRecords + " records: at least 1");
        }
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("checkpoints every " + every + ": a positive duration");
        }
    }

    /** Whether a chain whose head is this needs a checkpoint now. */
    boolean due(long seq, long lastCheckpointSeq, Instant lastCheckpointAt, Instant now) {
        if (seq <= lastCheckpointSeq) {
            return false; // nothing new to sign
        }
        return seq - lastCheckpointSeq >= everyRecords || lastCheckpointAt == null
                || !now.isBefore(lastCheckpointAt.plus(every));
    }
}

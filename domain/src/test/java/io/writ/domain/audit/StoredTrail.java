package io.writ.domain.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A trail as the database would hold it, in memory, with the head and the checkpoints: built by appending through
 * the real {@link ChainHead}, then tampered with the way someone with SQL access could.
 */
final class StoredTrail implements AuditLedger {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00.123456789Z");

    final List<ChainedRecord> rows = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    ChainHead head = ChainHead.empty();
    private long nextId = 100;

    /** A trail of this many records, signed by the seal every {@code checkpointEvery} records. */
    static StoredTrail of(int records, int checkpointEvery, CheckpointSeal seal) {
        var trail = new StoredTrail();
        var schedule = new CheckpointSchedule(checkpointEvery, Duration.ofDays(365));
        for (int i = 1; i <= records; i++) {
            trail.append(entry(i), seal, schedule);
        }
        return trail;
    }

    static AuditEntry entry(int i) {
        return new AuditEntry(T0.plusSeconds(i), i % 2 == 0 ? "bob" : "alice", "writ.submitted", "writ:w" + i,
                i % 3 == 0 ? null : "detail of record " + i);
    }

    void append(AuditEntry entry, CheckpointSeal seal, CheckpointSchedule schedule) {
        rows.add(head.append(entry).storedAs(nextId++));
        // the first record has no last checkpoint time: sign by count only, so tests know where checkpoints are
        if (head.seq() % schedule.everyRecords() == 0) {
            head.checkpointIfDue(schedule, T0.plusSeconds(head.seq()), seal).ifPresent(checkpoints::add);
        }
    }

    ChainedRecord at(long seq) {
        return rows.stream().filter(r -> r.seq() == seq).findFirst().orElseThrow();
    }

    void replace(ChainedRecord old, ChainedRecord changed) {
        rows.set(rows.indexOf(old), changed);
    }

    @Override
    public ChainHead head() {
        return ChainHead.at(head.seq(), head.hash());
    }

    @Override
    public List<ChainedRecord> records(long after, long upTo, int max) {
        return rows.stream().filter(r -> r.seq() > after && r.seq() <= upTo)
                .sorted(Comparator.comparingLong(ChainedRecord::seq)).limit(max).toList();
    }

    @Override
    public Optional<ChainedRecord> withHash(String hash) {
        return rows.stream().filter(r -> hash.equals(r.hash())).findFirst();
    }

    @Override
    public List<Checkpoint> checkpoints(long after, long upTo) {
        return checkpoints.stream().filter(c -> c.seq() > after && c.seq() <= upTo)
                .sorted(Comparator.comparingLong(Checkpoint::seq)).toList();
    }

    @Override
    public List<Checkpoint> latestCheckpoints(int max) {
        return checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::seq).reversed()).limit(max).toList();
    }

    @Override
    public List<ChainedRecord> newest(int first, int max) {
        return rows.stream().sorted(Comparator.comparingLong(ChainedRecord::seq).reversed()).skip(first).limit(max)
                .toList();
    }
}

package io.writ.domain.audit;

import io.writ.domain.audit.ChainBreak.Flaw;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks the stored chain from the first record to the head, in batches (a trail of millions of records is never
 * held in memory), and reports the first record that is not what was written:
 * <ul>
 *   <li>a record whose fields no longer match its hash was <b>changed</b>;</li>
 *   <li>a sequence number that is not there was <b>missing</b> (deleted), also at the end, against the head;</li>
 *   <li>a record that names as its predecessor a record stored elsewhere was <b>reordered</b>;</li>
 *   <li>a record that agrees with its own hash but not with the record after it was rewritten with a recomputed
 *       hash (<b>changed</b>);</li>
 *   <li>a record whose hash differs from the signed checkpoint at its place, or a checkpoint not signed with the
 *       portal's key, is a <b>checkpoint mismatch</b>: this is what catches a whole tail rewritten with recomputed
 *       hashes.</li>
 * </ul>
 * The head is read once, first: records appended while the walk runs are after it and wait for the next
 * verification, so verifying never races with the trail growing.
 */
public final class ChainVerifier {

    private final AuditLedger ledger;
    private final CheckpointSeal seal;
    private final int batchSize;

    public ChainVerifier(AuditLedger ledger, CheckpointSeal seal, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batches of at least one record");
        }
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.batchSize = batchSize;
    }

    public Verdict verify() {
        var head = ledger.head();
        return walk(new Walk(), 0, head);
    }

    /**
     * Walks from a signed checkpoint to the head: the checkpoint's signature, and its record's hash, vouch for the
     * records before it (a full {@link #verify} checks them one by one). What a view that is shown often uses, so
     * that it costs what was appended since the checkpoint, not the whole trail.
     */
    public Verdict verifyFrom(Checkpoint start) {
        var head = ledger.head();
        var walk = new Walk();
        var at = ledger.records(start.seq() - 1, start.seq(), 1);
        if (at.isEmpty() || at.get(0).seq() != start.seq()) {
            return walk.verdict(new ChainBreak(start.seq(), null, Flaw.MISSING, "record " + start.seq()
                    + ", which the " + start + " vouches for, is missing"));
        }
        var record = at.get(0);
        var broken = record.sealsItsContent() ? walk.check(start, record)
                : new ChainBreak(record.seq(), record.id(), Flaw.CHANGED, record.name()
                + " no longer matches its hash: its time, actor, action, subject or detail was changed");
        if (broken != null) {
            return walk.verdict(broken);
        }
        walk.continueAfter(record);
        return walk(walk, record.seq(), head);
    }

    private Verdict walk(Walk walk, long from, ChainHead head) {
        long after = from;
        while (after < head.seq()) {
            var batch = ledger.records(after, head.seq(), batchSize);
            if (batch.isEmpty()) {
                break;
            }
            var upTo = batch.get(batch.size() - 1).seq();
            var checkpoints = new ArrayDeque<>(ledger.checkpoints(after, upTo));
            for (var record : batch) {
                var broken = walk.next(record);
                while (broken == null && !checkpoints.isEmpty() && checkpoints.peek().seq() <= record.seq()) {
                    broken = walk.check(checkpoints.poll(), record);
                }
                if (broken != null) {
                    return walk.verdict(broken);
                }
            }
            after = upTo;
        }
        return walk.verdict(walk.end(head));
    }

    /** The state of one walk: where it is, and the last record and checkpoint that checked out. */
    private final class Walk {

        private long expected = 1;
        private String previousHash = AuditChain.GENESIS;
        private ChainedRecord previous;
        private int checkpointsChecked;
        private Checkpoint lastCheckpoint;

        /** Goes on after a record vouched for otherwise (by a signed checkpoint). */
        void continueAfter(ChainedRecord record) {
            expected = record.seq() + 1;
            previousHash = record.hash();
            previous = record;
        }

        ChainBreak next(ChainedRecord record) {
            if (record.seq() > expected) {
                return new ChainBreak(expected, null, Flaw.MISSING, (record.seq() == expected + 1
                        ? "record " + expected + " is missing"
                        : "records " + expected + " to " + (record.seq() - 1) + " are missing")
                        + ": after " + (previous == null ? "the start" : previous.name()) + " comes "
                        + record.name());
            }
            if (record.seq() < expected) {
                return new ChainBreak(record.seq(), record.id(), Flaw.CHANGED,
                        record.name() + " repeats a sequence number already in the trail");
            }
            var sealed = record.sealsItsContent();
            var linked = previousHash.equals(record.previousHash());
            if (sealed && linked) {
                expected++;
                previousHash = record.hash();
                previous = record;
                return null;
            }
            if (linked) {
                return new ChainBreak(record.seq(), record.id(), Flaw.CHANGED, record.name()
                        + " no longer matches its hash: its time, actor, action, subject or detail was changed");
            }
            var predecessor = record.previousHash() == null ? Optional.<ChainedRecord>empty()
                    : ledger.withHash(record.previousHash());
            if (predecessor.isPresent() && predecessor.get().seq() != record.seq() - 1) {
                return new ChainBreak(record.seq(), record.id(), Flaw.REORDERED, record.name()
                        + " was written after what is now " + predecessor.get().name() + ", not after "
                        + (previous == null ? "the start of the trail" : previous.name()) + ": records were reordered");
            }
            if (sealed && previous != null) {
                return new ChainBreak(previous.seq(), previous.id(), Flaw.CHANGED, previous.name()
                        + " was rewritten with a recomputed hash: " + record.name() + " was chained to another "
                        + "record " + previous.seq());
            }
            return new ChainBreak(record.seq(), record.id(), Flaw.CHANGED, record.name()
                    + " no longer matches its hash, nor links to " + (previous == null ? "the start of the trail"
                    : previous.name()));
        }

        /** A checkpoint at this record: the signature must be the portal's, and the hash the record's. */
        ChainBreak check(Checkpoint checkpoint, ChainedRecord record) {
            checkpointsChecked++;
            if (!checkpoint.isSignedBy(seal)) {
                return new ChainBreak(record.seq(), record.id(), Flaw.CHECKPOINT_MISMATCH, "the " + checkpoint
                        + " is not signed with this portal's checkpoint key");
            }
            if (checkpoint.seq() != record.seq() || !checkpoint.hash().equals(record.hash())) {
                return new ChainBreak(record.seq(), record.id(), Flaw.CHECKPOINT_MISMATCH, record.name()
                        + " differs from the " + checkpoint + ": the trail "
                        + (lastCheckpoint == null ? "up to it" : "after record " + lastCheckpoint.seq())
                        + " was rewritten");
            }
            lastCheckpoint = checkpoint;
            return null;
        }

        /** After the last record: the trail must reach the head, and end in the head's hash. */
        ChainBreak end(ChainHead head) {
            var last = expected - 1;
            if (last < head.seq()) {
                return new ChainBreak(expected, null, Flaw.MISSING, (head.seq() == expected
                        ? "record " + expected + " is missing" : "records " + expected + " to " + head.seq()
                        + " are missing") + ": the trail has " + head.seq() + " records, the last one stored is "
                        + (previous == null ? "none" : previous.name()));
            }
            if (!previousHash.equals(head.hash())) {
                if (previous == null) {
                    return new ChainBreak(0, null, Flaw.CHANGED, "the trail is empty but its head names a record");
                }
                return new ChainBreak(previous.seq(), previous.id(), Flaw.CHANGED, previous.name()
                        + " is not the record that was appended last: it was rewritten with a recomputed hash");
            }
            return null;
        }

        Verdict verdict(ChainBreak broken) {
            var intact = broken == null ? expected - 1 : Math.min(expected - 1, broken.seq() - 1);
            return new Verdict(broken == null, intact, checkpointsChecked, Optional.ofNullable(broken),
                    Optional.ofNullable(lastCheckpoint));
        }
    }
}

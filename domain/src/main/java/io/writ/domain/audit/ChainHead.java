package io.writ.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of the chain: the last record's sequence number and hash, and when it was last signed. There is one head,
 * and appending locks it, so records get one total order however many transactions or portal nodes append at once.
 */
@Entity
@Table(name = "audit_chain_head")
public class ChainHead {

    /** The id of the one head row. */
    public static final int THE_HEAD = 1;

    @Id
    private int id = THE_HEAD;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(name = "last_checkpoint_seq", nullable = false)
    private long lastCheckpointSeq;

    @Column(name = "last_checkpoint_at")
    private Instant lastCheckpointAt;

    protected ChainHead() {
        // for JPA
    }

    /** The head of an empty chain. */
    public static ChainHead empty() {
        return at(0, AuditChain.GENESIS);
    }

    /** The head after the record with this sequence number and hash. */
    public static ChainHead at(long seq, String hash) {
        var head = new ChainHead();
        head.seq = seq;
        head.hash = Objects.requireNonNull(hash, "hash");
        return head;
    }

    /** Chains the entry after the last record: the next sequence number, the last hash, its own hash. */
    public ChainedRecord append(AuditEntry entry) {
        var sealed = new AuditEntry(AuditChain.stored(entry.at()), entry.actor(), entry.action(), entry.subject(),
                entry.detail());
        var next = seq + 1;
        var record = new ChainedRecord(null, next, sealed, hash, AuditChain.hash(next, sealed, hash));
        seq = next;
        hash = record.hash();
        return record;
    }

    /** Whether the schedule says the chain's end should be signed now. */
    public boolean checkpointDue(CheckpointSchedule schedule, Instant now) {
        return schedule.due(seq, lastCheckpointSeq, lastCheckpointAt, now);
    }

    /** Signs the chain as it ends now, when the schedule says it is time; nothing when it is not. */
    public Optional<Checkpoint> checkpointIfDue(CheckpointSchedule schedule, Instant now, CheckpointSeal seal) {
        if (!checkpointDue(schedule, now)) {
            return Optional.empty();
        }
        var checkpoint = Checkpoint.signed(seq, hash, now, seal);
        lastCheckpointSeq = checkpoint.seq();
        lastCheckpointAt = checkpoint.at();
        return Optional.of(checkpoint);
    }

    public long seq() { return seq; }
    public String hash() { return hash; }
    public long lastCheckpointSeq() { return lastCheckpointSeq; }
}

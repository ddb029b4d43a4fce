package io.writ.domain.audit;

import java.util.Objects;

/**
 * An audit entry in its place in the chain.
 *
 * @param id           the stored record's id (null before it is stored); not part of the hash, only for reporting
 * @param seq          its place: 1 for the first record, one more for each record after it
 * @param entry        what happened
 * @param previousHash the hash of the record before it ({@link AuditChain#GENESIS} for the first)
 * @param hash         its own hash, over all of the above but the id
 */
public record ChainedRecord(Long id, long seq, AuditEntry entry, String previousHash, String hash) {

    public ChainedRecord {
        Objects.requireNonNull(entry, "entry");
    }

    /** Whether its stored hash still matches what it says (its fields and the previous hash it names). */
    public boolean sealsItsContent() {
        return previousHash != null && hash != null && AuditChain.hash(seq, entry, previousHash).equals(hash);
    }

    /** The same record as stored under this id. */
    public ChainedRecord storedAs(long storedId) {
        return new ChainedRecord(storedId, seq, entry, previousHash, hash);
    }

    /** How the record is named in a verification report. */
    String name() {
        return "record " + seq + (id == null ? "" : " (id " + id + ")");
    }
}

package io.writ.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement that the chain, at some moment, ended with this record: its sequence number and hash, signed
 * with the portal's checkpoint key. Recomputing the hashes of a rewritten chain cannot reproduce it.
 */
@Entity
@Table(name = "audit_checkpoint")
public class Checkpoint {

    static final String VERSION = "writ-audit-checkpoint/1";

    @Id
    private long seq;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 200)
    private String signature;

    protected Checkpoint() {
        // for JPA
    }

    /** A checkpoint as stored; {@link #signed} makes a new one. */
    public Checkpoint(long seq, String hash, Instant at, String signature) {
        this.seq = seq;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.at = Objects.requireNonNull(at, "at");
        this.signature = signature;
    }

    /** Signs that the chain ends at this record now. */
    static Checkpoint signed(long seq, String hash, Instant at, CheckpointSeal seal) {
        var time = AuditChain.stored(at);
        return new Checkpoint(seq, hash, time, seal.sign(signedText(seq, hash, time)));
    }

    /**
     * What is signed, UTF-8: {@code writ-audit-checkpoint/1}, the sequence number, the record's hash and the time
     * (as in {@link AuditChain}), one per line, joined by {@code \n}.
     */
    public String signedText() {
        return signedText(seq, hash, at);
    }

    private static String signedText(long seq, String hash, Instant at) {
        return String.join("\n", VERSION, Long.toString(seq), hash, AuditChain.time(at));
    }

    /** Whether the signature is the seal's key's signature of this checkpoint. */
    public boolean isSignedBy(CheckpointSeal seal) {
        return seal.verifies(signedText(), signature);
    }

    public long seq() { return seq; }
    public String hash() { return hash; }
    public Instant at() { return at; }
    public String signature() { return signature; }

    @Override
    public String toString() {
        return "checkpoint at record " + seq + " of " + at;
    }
}

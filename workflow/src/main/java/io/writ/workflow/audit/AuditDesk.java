package io.writ.workflow.audit;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditLedger;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.audit.ChainVerifier;
import io.writ.domain.audit.ChainedRecord;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.audit.CheckpointSeal;
import io.writ.domain.audit.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Security and compliance verify the audit trail and read it. Verifying is itself recorded ({@code audit.verified}),
 * after the walk, in a transaction of its own: the walk stops at the head it read first, so the record it adds is
 * checked by the next verification, not this one.
 */
@ApplicationScoped
public class AuditDesk {

    private static final Logger LOG = Logger.getLogger(AuditDesk.class.getName());

    /** The subject of records about the trail itself. */
    public static final String THE_TRAIL = "audit:trail";

    @Inject
    AuditLedger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    CheckpointKeyFile key;

    @Inject
    AuditSettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * The chain verified from its latest signed checkpoint to its head (from the start when there is none yet): what
     * a view shown often (the compliance evidence) uses, at the cost of what was appended since. Not recorded as a
     * verification of the trail: a full one ({@link #verify}) is.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Verdict verifiedSinceLastCheckpoint() {
        var verifier = new ChainVerifier(ledger, key.seal(), settings.verifyBatch());
        return ledger.latestCheckpoints(1).stream().findFirst().map(verifier::verifyFrom)
                .orElseGet(verifier::verify);
    }

    /**
     * Walks the whole chain and says whether it is intact, or where it first breaks. Outside any transaction: each
     * batch is read in a short transaction of its own, however long the trail.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Verdict verify(String by) {
        var verdict = new ChainVerifier(ledger, key.seal(), settings.verifyBatch()).verify();
        if (verdict.valid()) {
            LOG.info(() -> "Audit trail verified by " + by + ": " + verdict.summary());
        } else {
            LOG.severe(() -> "Audit trail verified by " + by + ": " + verdict.summary());
        }
        audit.record(new AuditEntry(clock.instant(), by, "audit.verified", THE_TRAIL, verdict.summary()));
        return verdict;
    }

    /** How many records the chain holds (its head's sequence number). */
    public long size() {
        return ledger.head().seq();
    }

    /** The newest records first, a page at a time. */
    public List<ChainedRecord> newest(int first, int max) {
        return ledger.newest(Math.max(0, first), Math.max(1, max));
    }

    public List<Checkpoint> latestCheckpoints(int max) {
        return ledger.latestCheckpoints(max);
    }

    /** What an auditor needs to check checkpoints offline. */
    public CheckpointSeal publicSeal() {
        return CheckpointSeal.checking(key.seal().publicKeyBase64());
    }
}

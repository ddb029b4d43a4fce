package io.writ.domain.audit;

import io.writ.domain.audit.ChainBreak.Flaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final CheckpointSeal SEAL = CheckpointSeal.of(CheckpointSeal.newKeys());

    /** Twelve records, checkpoints signed at records 5 and 10. */
    private final StoredTrail trail = StoredTrail.of(12, 5, SEAL);

    private Verdict verify() {
        return new ChainVerifier(trail, SEAL, 4).verify();
    }

    private ChainBreak broken() {
        var verdict = verify();
        assertThat(verdict.valid()).as(verdict.summary()).isFalse();
        return verdict.firstBroken().orElseThrow();
    }

    @ParameterizedTest(name = "in batches of {0}")
    @ValueSource(ints = {1, 4, 5, 1000})
    void anIntactTrailVerifies(int batchSize) {
        var verdict = new ChainVerifier(trail, SEAL, batchSize).verify();

        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.records()).isEqualTo(12);
        assertThat(verdict.checkpointsChecked()).isEqualTo(2);
        assertThat(verdict.lastCheckpoint()).get().extracting(Checkpoint::seq).isEqualTo(10L);
        assertThat(verdict.firstBroken()).isEmpty();
        assertThat(verdict.summary()).startsWith("intact: 12 records, 2 signed checkpoints");
    }

    @Test
    void anEmptyTrailVerifies() {
        var verdict = new ChainVerifier(new StoredTrail(), SEAL, 10).verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isZero();
    }

    @Test
    void aChangedDetailIsFoundAtThatRecord() {
        var original = trail.at(7);
        trail.replace(original, new ChainedRecord(original.id(), 7, new AuditEntry(original.entry().at(),
                original.entry().actor(), original.entry().action(), original.entry().subject(), "nothing to see"),
                original.previousHash(), original.hash()));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(7);
        assertThat(broken.recordId()).isEqualTo(original.id());
        assertThat(broken.flaw()).isEqualTo(Flaw.CHANGED);
        assertThat(verify().records()).isEqualTo(6);
    }

    @Test
    void aChangedActorOrTimeIsFoundToo() {
        var original = trail.at(3);
        var e = original.entry();
        trail.replace(original, new ChainedRecord(original.id(), 3,
                new AuditEntry(e.at().plusMillis(1), e.actor(), e.action(), e.subject(), e.detail()),
                original.previousHash(), original.hash()));

        assertThat(broken().seq()).isEqualTo(3);
        assertThat(broken().flaw()).isEqualTo(Flaw.CHANGED);
    }

    @Test
    void aDeletedRecordIsFoundAtTheGap() {
        trail.rows.remove(trail.at(4));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.recordId()).isNull();
        assertThat(broken.flaw()).isEqualTo(Flaw.MISSING);
        assertThat(broken.explanation()).contains("record 4 is missing", "comes record 5");
    }

    @Test
    void theLastRecordDeletedIsFoundAgainstTheHead() {
        trail.rows.remove(trail.at(12));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(12);
        assertThat(broken.flaw()).isEqualTo(Flaw.MISSING);
    }

    @Test
    void twoSwappedRecordsAreFoundAtTheFirstOfThem() {
        var fourth = trail.at(4);
        var fifth = trail.at(5);
        trail.replace(fourth, new ChainedRecord(fourth.id(), 5, fourth.entry(), fourth.previousHash(), fourth.hash()));
        trail.replace(fifth, new ChainedRecord(fifth.id(), 4, fifth.entry(), fifth.previousHash(), fifth.hash()));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.recordId()).isEqualTo(fifth.id());
        assertThat(broken.flaw()).isEqualTo(Flaw.REORDERED);
        assertThat(broken.explanation()).contains("was written after what is now record 5");
    }

    @Test
    void distantSwappedRecordsAreFoundToo() {
        var second = trail.at(2);
        var ninth = trail.at(9);
        trail.replace(second, new ChainedRecord(second.id(), 9, second.entry(), second.previousHash(), second.hash()));
        trail.replace(ninth, new ChainedRecord(ninth.id(), 2, ninth.entry(), ninth.previousHash(), ninth.hash()));

        assertThat(broken().seq()).isEqualTo(2);
        assertThat(broken().flaw()).isEqualTo(Flaw.REORDERED);
    }

    @Test
    void aRecordRewrittenWithARecomputedHashIsFoundByTheNextLink() {
        var original = trail.at(3);
        var e = original.entry();
        var forged = new AuditEntry(e.at(), e.actor(), e.action(), e.subject(), "forged");
        trail.replace(original, new ChainedRecord(original.id(), 3, forged, original.previousHash(),
                AuditChain.hash(3, forged, original.previousHash())));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.recordId()).isEqualTo(original.id());
        assertThat(broken.flaw()).isEqualTo(Flaw.CHANGED);
        assertThat(broken.explanation()).contains("recomputed hash");
    }

    @Test
    void theLastRecordRewrittenWithARecomputedHashIsFoundAgainstTheHead() {
        var original = trail.at(12);
        var e = original.entry();
        var forged = new AuditEntry(e.at(), "mallory", e.action(), e.subject(), e.detail());
        trail.replace(original, new ChainedRecord(original.id(), 12, forged, original.previousHash(),
                AuditChain.hash(12, forged, original.previousHash())));

        assertThat(broken().seq()).isEqualTo(12);
        assertThat(broken().flaw()).isEqualTo(Flaw.CHANGED);
    }

    @Test
    void aForgedTailWithRecomputedHashesIsCaughtByTheSignedCheckpoint() {
        // Record 3 changed and every hash from it to the end recomputed, head included: every link checks out.
        var previousHash = trail.at(2).hash();
        for (long seq = 3; seq <= 12; seq++) {
            var original = trail.at(seq);
            var e = original.entry();
            var entry = seq == 3 ? new AuditEntry(e.at(), e.actor(), e.action(), e.subject(), "forged") : e;
            var forged = new ChainedRecord(original.id(), seq, entry, previousHash,
                    AuditChain.hash(seq, entry, previousHash));
            trail.replace(original, forged);
            previousHash = forged.hash();
        }
        trail.head = ChainHead.at(12, previousHash);

        var broken = broken();

        assertThat(broken.seq()).as("the first signed record after the change").isEqualTo(5);
        assertThat(broken.flaw()).isEqualTo(Flaw.CHECKPOINT_MISMATCH);
        assertThat(broken.explanation()).contains("the trail up to it was rewritten");
    }

    @Test
    void aCheckpointNotSignedWithThePortalsKeyIsAMismatch() {
        var genuine = trail.checkpoints.get(1);
        var otherKey = CheckpointSeal.of(CheckpointSeal.newKeys());
        trail.checkpoints.set(1, Checkpoint.signed(genuine.seq(), genuine.hash(), genuine.at(), otherKey));

        var broken = broken();

        assertThat(broken.seq()).isEqualTo(10);
        assertThat(broken.flaw()).isEqualTo(Flaw.CHECKPOINT_MISMATCH);
        assertThat(broken.explanation()).contains("not signed with this portal's checkpoint key");
        assertThat(verify().lastCheckpoint()).get().extracting(Checkpoint::seq).isEqualTo(5L);
    }

    @Test
    void fromTheLastCheckpointOnlyTheRecordsAfterItAreWalkedAndAChangeAfterItIsFound() {
        var last = trail.checkpoints.get(1);
        var verifier = new ChainVerifier(trail, SEAL, 4);

        var intact = verifier.verifyFrom(last);
        assertThat(intact.valid()).as(intact.summary()).isTrue();
        assertThat(intact.records()).isEqualTo(12);
        assertThat(intact.lastCheckpoint()).get().extracting(Checkpoint::seq).isEqualTo(10L);

        var original = trail.at(11);
        trail.replace(original, new ChainedRecord(original.id(), 11, new AuditEntry(original.entry().at(),
                original.entry().actor(), original.entry().action(), original.entry().subject(), "changed"),
                original.previousHash(), original.hash()));
        var after = verifier.verifyFrom(last);
        assertThat(after.valid()).isFalse();
        assertThat(after.firstBroken()).get().extracting(ChainBreak::seq).isEqualTo(11L);
    }

    @Test
    void fromACheckpointWhoseRecordWasChangedOrThatIsNotOursTheWalkStopsThere() {
        var last = trail.checkpoints.get(1);
        var original = trail.at(10);
        trail.replace(original, new ChainedRecord(original.id(), 10, new AuditEntry(original.entry().at(),
                "mallory", original.entry().action(), original.entry().subject(), original.entry().detail()),
                original.previousHash(), original.hash()));
        var changed = new ChainVerifier(trail, SEAL, 4).verifyFrom(last);
        assertThat(changed.firstBroken()).get().extracting(ChainBreak::seq, ChainBreak::flaw)
                .containsExactly(10L, Flaw.CHANGED);

        var forged = Checkpoint.signed(5, trail.at(5).hash(), trail.checkpoints.get(0).at(),
                CheckpointSeal.of(CheckpointSeal.newKeys()));
        assertThat(new ChainVerifier(trail, SEAL, 4).verifyFrom(forged).firstBroken()).get()
                .extracting(ChainBreak::flaw).isEqualTo(Flaw.CHECKPOINT_MISMATCH);
    }

    @Test
    void recordsAppendedAfterTheWalkBeganWaitForTheNextVerification() {
        // a record committed after the walk read the head: past that head, so not part of this verification
        var headAsRead = trail.head();
        trail.rows.add(ChainHead.at(headAsRead.seq(), headAsRead.hash()).append(StoredTrail.entry(13)).storedAs(999));

        var verdict = verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(12);
    }

    @Test
    void anAuditorWithOnlyThePublishedKeyChecksACheckpoint() {
        var checkpoint = trail.checkpoints.get(0);
        var auditor = CheckpointSeal.checking(SEAL.publicKeyBase64());

        assertThat(checkpoint.isSignedBy(auditor)).isTrue();
        assertThat(new Checkpoint(checkpoint.seq(), trail.at(4).hash(), checkpoint.at(), checkpoint.signature())
                .isSignedBy(auditor)).as("the signature covers the hash").isFalse();
        assertThat(SEAL.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void verificationAfterManyRecordsStaysInBatches() {
        var big = StoredTrail.of(5_000, 1_000, SEAL);

        var verdict = new ChainVerifier(big, SEAL, 500).verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(5_000);
        assertThat(verdict.checkpointsChecked()).isEqualTo(5);
    }

    @Test
    void theScheduleSignsByCountAndByTime() {
        var schedule = new CheckpointSchedule(3, Duration.ofMinutes(10));
        var head = ChainHead.empty();
        var now = StoredTrail.T0;

        assertThat(head.checkpointIfDue(schedule, now, SEAL)).as("nothing to sign yet").isEmpty();
        head.append(StoredTrail.entry(1));
        assertThat(head.checkpointIfDue(schedule, now, SEAL)).as("never signed: at once").isPresent();
        head.append(StoredTrail.entry(2));
        assertThat(head.checkpointIfDue(schedule, now.plusSeconds(60), SEAL)).as("1 record, 1 minute").isEmpty();
        head.append(StoredTrail.entry(3));
        head.append(StoredTrail.entry(4));
        assertThat(head.checkpointIfDue(schedule, now.plusSeconds(61), SEAL)).as("3 records since")
                .get().extracting(Checkpoint::seq).isEqualTo(4L);
        head.append(StoredTrail.entry(5));
        assertThat(head.checkpointIfDue(schedule, now.plusSeconds(61 + 599), SEAL)).isEmpty();
        assertThat(head.checkpointIfDue(schedule, now.plusSeconds(61 + 600), SEAL)).as("10 minutes since")
                .get().extracting(Checkpoint::seq).isEqualTo(5L);
        assertThat(head.checkpointIfDue(schedule, now.plusSeconds(3600), SEAL)).as("nothing new since").isEmpty();
    }
}

package io.writ.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-01T09:00:00.123456789Z");

    @Test
    void eachRecordSealsTheOneBeforeIt() {
        var head = ChainHead.empty();

        var first = head.append(new AuditEntry(AT, "alice", "writ.submitted", "writ:1", "why"));
        var second = head.append(new AuditEntry(AT, "system", "writ.policy-applied", "writ:1", null));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(head.seq()).isEqualTo(2);
        assertThat(head.hash()).isEqualTo(second.hash()).matches("[0-9a-f]{64}");
        assertThat(first.sealsItsContent()).isTrue();
        assertThat(second.sealsItsContent()).isTrue();
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseStoresThem() {
        var record = ChainHead.empty().append(new AuditEntry(AT, "alice", "a", "s", "d"));

        assertThat(record.entry().at()).isEqualTo(Instant.parse("2026-11-01T09:00:00.123456Z"));
    }

    @Test
    void theCanonicalTextIsWhatTheReadmeDescribes() {
        var entry = new AuditEntry(AT, "alice", "writ.submitted", "writ:1", "für CHG-1");

        assertThat(AuditChain.canonical(1, entry, AuditChain.GENESIS)).isEqualTo("""
                writ-audit/1
                1
                2026-11-01T09:00:00.123456Z
                5:alice
                14:writ.submitted
                6:writ:1
                10:für CHG-1
                """ + AuditChain.GENESIS);
        // the same hash as: printf '%s' "$TEXT" | sha256sum (checked once with Python's hashlib)
        assertThat(AuditChain.hash(1, entry, AuditChain.GENESIS))
                .isEqualTo(EXPECTED_HASH);
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        var a = new AuditEntry(AT, "alice", "x\n3:y", "s", null);
        var b = new AuditEntry(AT, "alice", "x", "y\n1:s", null);

        assertThat(AuditChain.hash(1, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, b, AuditChain.GENESIS));
        assertThat(AuditChain.hash(1, new AuditEntry(AT, "a", "b", "c", null), AuditChain.GENESIS))
                .as("no detail differs from an empty one")
                .isNotEqualTo(AuditChain.hash(1, new AuditEntry(AT, "a", "b", "c", ""), AuditChain.GENESIS));
    }

    private static final String EXPECTED_HASH = "b4521e071024899778b944c16f35b4be69af8f473105d450a765f44c2f4c3d7c";
}

package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditLedger;
import io.writ.domain.audit.ChainBreak;
import io.writ.domain.audit.ChainHead;
import io.writ.domain.audit.ChainVerifier;
import io.writ.domain.audit.ChainedRecord;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.audit.CheckpointSeal;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upgrading a database whose audit trail was written before it was a chain (the ./data of earlier runs). */
class ChainExistingAuditRecordsTest {

    private static final CheckpointSeal SEAL = CheckpointSeal.of(CheckpointSeal.newKeys());

    private final DataSource database = TestDatabase.empty();

    private void migrate(String target) {
        var flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(new ChainExistingAuditRecords(), new MoveReviewCoverage())
                .table("writ_schema_history");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    @Test
    void recordsWrittenBeforeTheChainAreChainedInTheOrderTheyWereWritten() throws SQLException {
        migrate("5");
        var written = new ArrayList<String>();
        try (var c = database.getConnection(); var insert = c.prepareStatement(
                "insert into audit_record (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")) {
            var at = Instant.parse("2026-10-01T08:00:00.123456789Z");
            for (int i = 0; i < 2_345; i++) {
                insert.setObject(1, OffsetDateTime.ofInstant(at.plusMillis(i * 7L), ZoneOffset.UTC));
                insert.setString(2, i % 2 == 0 ? "alice" : "system");
                insert.setString(3, "writ.submitted");
                insert.setString(4, "writ:" + i);
                insert.setString(5, i % 5 == 0 ? null : "für CHG-" + i + (i % 7 == 0 ? "\nsecond line" : ""));
                insert.addBatch();
                written.add("writ:" + i);
            }
            insert.executeBatch();
        }

        migrate(null);

        var ledger = new JdbcLedger();
        var verdict = new ChainVerifier(ledger, SEAL, 500).verify();
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.records()).isEqualTo(2_345);
        assertThat(ledger.head().seq()).isEqualTo(2_345);
        assertThat(ledger.records(0, 3, 3)).extracting(r -> r.entry().subject())
                .containsExactly(written.get(0), written.get(1), written.get(2));
        assertThat(ledger.records(0, 1, 1).get(0).entry().detail()).as("the records themselves unchanged").isNull();
    }

    @Test
    void aChangeToAnUpgradedRecordIsFound() throws SQLException {
        migrate("5");
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.execute("insert into audit_record (at, actor, action, subject, detail) values "
                    + "(timestamp with time zone '2026-10-01 08:00:00+00', 'alice', 'writ.submitted', 'writ:1', 'a'), "
                    + "(timestamp with time zone '2026-10-01 08:00:01+00', 'bob', 'writ.approved', 'writ:1', 'b'), "
                    + "(timestamp with time zone '2026-10-01 08:00:02+00', 'system', 'writ.granted', 'writ:1', 'c')");
        }
        migrate(null);
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.execute("update audit_record set actor = 'carol' where seq = 2");
        }

        var broken = new ChainVerifier(new JdbcLedger(), SEAL, 100).verify().firstBroken().orElseThrow();

        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.flaw()).isEqualTo(ChainBreak.Flaw.CHANGED);
    }

    @Test
    void aFreshDatabaseStartsAnEmptyChainWithOneSequenceNumberPerRecord() throws SQLException {
        migrate(null);

        var ledger = new JdbcLedger();
        assertThat(ledger.head().seq()).isZero();
        assertThat(new ChainVerifier(ledger, SEAL, 100).verify().valid()).isTrue();
        try (var c = database.getConnection(); var s = c.createStatement()) {
            var sql = "insert into audit_record (seq, at, actor, action, subject, prev_hash, hash) values "
                    + "(1, current_timestamp, 'a', 'b', 'c', 'x', 'y')";
            s.execute(sql);
            assertThatThrownBy(() -> s.execute(sql)).as("seq is unique").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("insert into audit_record (at, actor, action, subject) values "
                    + "(current_timestamp, 'a', 'b', 'c')")).as("every record is chained")
                    .isInstanceOf(SQLException.class);
        }
    }

    /** The stored chain read with plain SQL, as the JPA adapter reads it. */
    private final class JdbcLedger implements AuditLedger {

        @Override
        public ChainHead head() {
            try (var c = database.getConnection(); var s = c.createStatement();
                 var rows = s.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
                return rows.next() ? ChainHead.at(rows.getLong(1), rows.getString(2)) : ChainHead.empty();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<ChainedRecord> records(long after, long upTo, int max) {
            return query("where seq > " + after + " and seq <= " + upTo + " order by seq limit " + max);
        }

        @Override
        public Optional<ChainedRecord> withHash(String hash) {
            return query("where hash = '" + hash.replace("'", "") + "' limit 1").stream().findFirst();
        }

        @Override
        public List<Checkpoint> checkpoints(long after, long upTo) {
            return List.of();
        }

        @Override
        public List<Checkpoint> latestCheckpoints(int max) {
            return List.of();
        }

        @Override
        public List<ChainedRecord> newest(int first, int max) {
            return query("order by seq desc limit " + max + " offset " + first);
        }

        private List<ChainedRecord> query(String rest) {
            try (Connection c = database.getConnection(); var s = c.createStatement();
                 ResultSet rows = s.executeQuery("select id, seq, at, actor, action, subject, detail, prev_hash, hash "
                         + "from audit_record " + rest)) {
                var found = new ArrayList<ChainedRecord>();
                while (rows.next()) {
                    found.add(new ChainedRecord(rows.getLong("id"), rows.getLong("seq"), new AuditEntry(
                            rows.getObject("at", OffsetDateTime.class).toInstant(), rows.getString("actor"),
                            rows.getString("action"), rows.getString("subject"), rows.getString("detail")),
                            rows.getString("prev_hash"), rows.getString("hash")));
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

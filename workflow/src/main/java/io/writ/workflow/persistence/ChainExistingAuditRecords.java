package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.ChainHead;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Migration 7.1: chains the audit records written before the trail was a chain, in the order they were written
 * (id order), with the same rules as every later append ({@link ChainHead#append}), so verification passes on an
 * upgraded database; then starts the head after the last of them and makes the chain columns required. Works through
 * the records in a stream and in update batches, whatever their number.
 */
public class ChainExistingAuditRecords extends DataMigration {

    private static final Logger LOG = Logger.getLogger(ChainExistingAuditRecords.class.getName());
    private static final int BATCH = 1000;

    public ChainExistingAuditRecords() {
        super("7.1", "chain existing audit records");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var head = ChainHead.empty();
        long chained = chain(connection, head);
        try (var insert = connection.prepareStatement("insert into audit_chain_head "
                + "(id, seq, hash, last_checkpoint_seq, last_checkpoint_at) values (?, ?, ?, 0, null)")) {
            insert.setInt(1, ChainHead.THE_HEAD);
            insert.setLong(2, head.seq());
            insert.setString(3, head.hash());
            insert.executeUpdate();
        }
        try (var ddl = connection.createStatement()) {
            ddl.execute("alter table audit_record alter column seq set not null");
            ddl.execute("alter table audit_record alter column prev_hash set not null");
            ddl.execute("alter table audit_record alter column hash set not null");
            ddl.execute("create unique index audit_record_seq_idx on audit_record (seq)");
            ddl.execute("create index audit_record_hash_idx on audit_record (hash)");
        }
        LOG.info(() -> "Audit trail: " + chained + " existing records chained; the chain's head is record " + head.seq());
    }

    private static long chain(Connection connection, ChainHead head) throws SQLException {
        long count = 0;
        try (var select = connection.prepareStatement(
                "select id, at, actor, action, subject, detail from audit_record order by id");
             var update = connection.prepareStatement(
                     "update audit_record set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            select.setFetchSize(BATCH);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var record = head.append(new AuditEntry(rows.getObject("at", OffsetDateTime.class).toInstant(),
                            rows.getString("actor"), rows.getString("action"), rows.getString("subject"),
                            rows.getString("detail")));
                    update.setLong(1, record.seq());
                    update.setString(2, record.previousHash());
                    update.setString(3, record.hash());
                    update.setLong(4, rows.getLong("id"));
                    update.addBatch();
                    if (++count % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return count;
    }
}

package io.writ.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The running portal's own H2 database, opened from the test JVM as someone with SQL access to the server would:
 * the portal opens it with AUTO_SERVER=TRUE, so a second process connects through the server the first one started.
 * For tampering with the audit trail and putting it back exactly as it was.
 */
final class PortalDatabase {

    /** One stored audit record, every column. */
    record AuditRow(long id, long seq, OffsetDateTime at, String actor, String action, String subject, String detail,
                    String prevHash, String hash) {
    }

    private PortalDatabase() {
    }

    static Connection open() {
        var dataDir = System.getenv("WRIT_DATA_DIR");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("WRIT_DATA_DIR is not set: run the integration tests with `mvn verify` "
                    + "(the failsafe plugin sets it to the portal's data directory)");
        }
        try {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/writ;AUTO_SERVER=TRUE", "writ", "writ");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the portal's database in " + dataDir, e);
        }
    }

    /** The audit records about one subject, in chain order. */
    static List<AuditRow> auditAbout(String subject) {
        return audit("where subject = ? order by seq", subject);
    }

    static AuditRow auditAt(long seq) {
        return audit("where seq = ?", seq).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no audit record " + seq));
    }

    /** The newest audit record of this action. */
    static AuditRow newest(String action) {
        return audit("where action = ? order by seq desc limit 1", action).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no audit record " + action));
    }

    /** Runs statements in one transaction. */
    static void tamper(String... statements) {
        try (var c = open()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (var sql : statements) {
                    s.executeUpdate(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + String.join("; ", statements), e);
        }
    }

    static void setDetail(long id, String detail) {
        try (var c = open(); var update = c.prepareStatement("update audit_record set detail = ? where id = ?")) {
            update.setString(1, detail);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new AssertionError("no audit record with id " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a deleted record back, every column as it was (nothing when it is still there). */
    static void restoreIfDeleted(AuditRow row) {
        if (!audit("where id = ?", row.id()).isEmpty()) {
            return;
        }
        try (var c = open(); var insert = c.prepareStatement("insert into audit_record "
                + "(id, seq, at, actor, action, subject, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, row.id());
            insert.setLong(2, row.seq());
            insert.setObject(3, row.at());
            insert.setString(4, row.actor());
            insert.setString(5, row.action());
            insert.setString(6, row.subject());
            insert.setString(7, row.detail());
            insert.setString(8, row.prevHash());
            insert.setString(9, row.hash());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore audit record " + row, e);
        }
    }

    private static List<AuditRow> audit(String where, Object parameter) {
        try (var c = open(); var query = c.prepareStatement("select id, seq, at, actor, action, subject, detail, "
                + "prev_hash, hash from audit_record " + where)) {
            query.setObject(1, parameter);
            try (var rows = query.executeQuery()) {
                var found = new ArrayList<AuditRow>();
                while (rows.next()) {
                    found.add(new AuditRow(rows.getLong("id"), rows.getLong("seq"),
                            rows.getObject("at", OffsetDateTime.class), rows.getString("actor"),
                            rows.getString("action"), rows.getString("subject"), rows.getString("detail"),
                            rows.getString("prev_hash"), rows.getString("hash")));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

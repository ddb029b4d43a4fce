package io.writ.workflow.persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/**
 * The database the persistence tests run on: a fresh in-memory H2 by default; the PostgreSQL database named by the
 * system property {@code writ.test.jdbc.url} when set (./test.sh runs these tests a second time so), emptied first.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static boolean isPostgresql() {
        return url() != null;
    }

    /** An empty database: a new H2 one, or the PostgreSQL one with everything in it dropped. */
    static DataSource empty() {
        if (!isPostgresql()) {
            var h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:persistence-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("writ");
            h2.setPassword("writ");
            return h2;
        }
        var postgresql = new PGSimpleDataSource();
        postgresql.setURL(url());
        postgresql.setUser("writ");
        postgresql.setPassword("writ");
        Flyway.configure().dataSource(postgresql).cleanDisabled(false).load().clean();
        return postgresql;
    }

    /** An empty database with the portal's schema, migrated as the portal migrates it (without the demo data). */
    static DataSource migrated() {
        var database = empty();
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .javaMigrations(new ChainExistingAuditRecords(), new MoveReviewCoverage()).table("writ_schema_history")
                .load().migrate();
        return database;
    }

    private static String url() {
        var url = System.getProperty("writ.test.jdbc.url");
        return url == null || url.isBlank() ? null : url;
    }
}

package io.writ.workflow.engine;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process engine keeps its history at the audit level; a database an earlier version started at the full level
 * is set to the audit level before the engine checks it (the engine refuses a level other than the one it finds).
 */
class HistoryLevelTest {

    private final JdbcDataSource database = new JdbcDataSource();

    HistoryLevelTest() {
        database.setURL("jdbc:h2:mem:history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aDatabaseKeptAtTheFullLevelIsSetToTheAuditLevel() throws SQLException {
        engineTablesAt("3");

        ProcessEngineStartup.keepHistoryAtAuditLevel(database);

        assertThat(level()).isEqualTo("2");
    }

    @Test
    void anotherLevelIsLeftAsItIs() throws SQLException {
        engineTablesAt("1");

        ProcessEngineStartup.keepHistoryAtAuditLevel(database);

        assertThat(level()).as("only the full level, which earlier versions set, is changed").isEqualTo("1");
    }

    @Test
    void aNewDatabaseWithoutTheEngineTablesIsLeftToTheEngine() throws SQLException {
        ProcessEngineStartup.keepHistoryAtAuditLevel(database);

        try (var c = database.getConnection(); var tables = c.getMetaData().getTables(null, null, "ACT_GE_PROPERTY",
                null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    private void engineTablesAt(String level) throws SQLException {
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300), REV_ int)");
            s.execute("insert into ACT_GE_PROPERTY values ('historyLevel', '" + level + "', 1)");
            s.execute("insert into ACT_GE_PROPERTY values ('schema.version', '7.24.0', 1)");
        }
    }

    private String level() throws SQLException {
        try (var c = database.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'")) {
            r.next();
            return r.getString(1);
        }
    }
}

package io.writ.workflow.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.logging.Logger;

/**
 * The portal's database, chosen by configuration alone, and its schema. Payara resolves the {@code ${ENV=...}}
 * values when it deploys: H2 in {@code ./data} by default ({@code ./run.sh} and the tests set {@code WRIT_DB_URL} to
 * H2 under {@code WRIT_DATA_DIR}), PostgreSQL with {@code WRIT_DB_URL=jdbc:postgresql://...} and
 * {@code WRIT_DB_DRIVER=org.postgresql.Driver} (see docs/operations.md, "PostgreSQL"). A plain JDBC driver, not an
 * XADataSource: the engine and JPA share this one database, so a local transaction is all a JTA transaction needs
 * (and Payara's XA enlistment of H2 failed under concurrent jobs with "Transaction is not active in the current
 * thread").
 *
 * <p>Migrates the domain schema with Flyway before anything else touches the database. The demo catalogue is a
 * separate migration location, on by default and switched off with {@code writ.demo-data=false}. Java migrations are
 * listed here rather than found by scanning a {@code db.migration} package.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = "java:app/jdbc/writ",
                className = DatabaseSchema.DRIVER,
                url = DatabaseSchema.URL,
                user = DatabaseSchema.USER,
                password = DatabaseSchema.PASSWORD,
                initialPoolSize = 2,
                minPoolSize = 8,
                maxPoolSize = 32),
        // The same database outside any JTA transaction, for the row locks nodes share (SharedLocks): a lock taken
        // here is never enlisted in, and committed with, a transaction begun while it is held.
        @DataSourceDefinition(
                name = SharedLocks.DATA_SOURCE,
                transactional = false,
                className = DatabaseSchema.DRIVER,
                url = DatabaseSchema.URL,
                user = DatabaseSchema.USER,
                password = DatabaseSchema.PASSWORD,
                initialPoolSize = 0,
                minPoolSize = 0,
                maxPoolSize = 4)
})
@Singleton(name = "DatabaseSchema")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

    /**
     * WRITE_DELAY=0: every commit reaches the file at once, so a killed portal (kill -9) loses no committed writ.
     * H2's own lock timeout (2 s) stays: under overload a writer that waited that long on the audit chain's head is
     * answered 503 at once, and waiting up to 15 s instead halved what a 32-requester benchmark got done.
     */
    static final String H2_URL = "jdbc:h2:file:./data/writ;AUTO_SERVER=TRUE;WRITE_DELAY=0";

    /** The database both data sources reach, as configured by the environment (docs/configuration.md, "Database"). */
    static final String DRIVER = "${ENV=WRIT_DB_DRIVER:org.h2.Driver}";
    static final String URL = "${ENV=WRIT_DB_URL:" + H2_URL + "}";
    static final String USER = "${ENV=WRIT_DB_USER:writ}";
    static final String PASSWORD = "${ENV=WRIT_DB_PASSWORD:writ}";

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/writ")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "writ.demo-data", defaultValue = "true")
    boolean demoData;

    @PostConstruct
    void migrate() {
        var locations = new ArrayList<String>();
        locations.add("classpath:db/migration");
        if (demoData) {
            locations.add("classpath:db/demo");
        }
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .javaMigrations(new ChainExistingAuditRecords(), new MoveReviewCoverage())
                .table("writ_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Domain schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}

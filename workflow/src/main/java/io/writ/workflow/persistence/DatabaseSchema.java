package io.writ.workflow.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
 * Migrates the domain schema with Flyway before anything else touches the database. The demo catalogue is a
 * separate migration location, on by default and switched off with {@code writ.demo-data=false}. Java migrations are
 * listed here rather than found by scanning a {@code db.migration} package.
 */
@Singleton(name = "DatabaseSchema")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

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
                .javaMigrations(new ChainExistingAuditRecords())
                .table("writ_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Domain schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}

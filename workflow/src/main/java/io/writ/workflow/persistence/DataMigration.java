package io.writ.workflow.persistence;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration that moves data in Java, numbered between the SQL ones (7.1 after V7), in the transaction of
 * the migration run; what it does is its {@code migrate}.
 */
abstract class DataMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    DataMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}

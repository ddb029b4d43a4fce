package io.writ.workflow.persistence;

import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Migration 20.1: what each campaign covered, kept until now as {@code ,name,name,} in a column of its own, becomes
 * rows of {@code review_coverage}; then the column goes. In insert batches, whatever the number of campaigns.
 */
public class MoveReviewCoverage extends DataMigration {

    private static final int BATCH = 1000;

    public MoveReviewCoverage() {
        super("20.1", "move review coverage to its own table");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var read = connection.createStatement();
             var campaigns = read.executeQuery("select id, covered from review_campaign");
             var insert = connection.prepareStatement("insert into review_coverage (campaign_id, name) values (?, ?)")) {
            int pending = 0;
            while (campaigns.next()) {
                var id = campaigns.getString(1);
                var names = Arrays.stream(campaigns.getString(2).split(",")).filter(n -> !n.isBlank()).distinct()
                        .toList();
                for (var name : names) {
                    insert.setString(1, id);
                    insert.setString(2, name);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        try (var ddl = connection.createStatement()) {
            ddl.execute("alter table review_campaign drop column covered");
        }
    }
}

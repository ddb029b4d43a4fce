package io.writ.workflow.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Row locks in the shared database (table {@code shared_lock}), for the few things several portal nodes must not do
 * at the same time or twice: building the process engine's schema when nodes start together, and a scheduled round
 * that each node's timer fires. The database is the one thing all nodes share, so its locks are what they agree on.
 * Each lock is taken on a connection of its own from a non-transactional data source, so a transaction begun while
 * it is held (building the engine begins several) neither enlists nor commits it; its own commit releases it.
 */
@ApplicationScoped
public class SharedLocks {

    /** The portal's database, without JTA (defined on DatabaseSchema). */
    static final String DATA_SOURCE = "java:app/jdbc/writ-locks";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /** Does the work while holding the named lock; a node arriving meanwhile waits until it is done. */
    public <T> T whileHolding(String name, Supplier<T> work) {
        return holding(name, "take the shared lock", (connection, lastRunAt) -> work.get());
    }

    /**
     * Claims this round of a schedule that runs {@code every} so long: true for the first node to ask since the
     * last claimed round (and records the time), false for any other node whose timer fires in the same round.
     * A round counts as taken for nine tenths of the interval, so timers a little early still get theirs.
     */
    public boolean claimRound(String name, Duration every) {
        return holding(name, "claim the scheduled round", (connection, last) -> {
            var now = clock.instant();
            if (last != null && last.toInstant().isAfter(now.minus(every.multipliedBy(9).dividedBy(10)))) {
                return false;
            }
            try (var update = connection.prepareStatement("update shared_lock set last_run_at = ? where name = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, name);
                update.executeUpdate();
            }
            return true;
        });
    }

    /** What is done while a lock is held, given the lock's connection and the last recorded run. */
    private interface LockedWork<T> {
        T doWith(Connection connection, Timestamp lastRunAt) throws SQLException;
    }

    /** Locks the row, does the work and commits (which releases the lock); rolls back if the work fails. */
    private <T> T holding(String name, String what, LockedWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.doWith(connection, lock(connection, name));
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " " + name, e);
        }
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static Timestamp lock(Connection connection, String name) throws SQLException {
        try (var select = connection.prepareStatement("select last_run_at from shared_lock where name = ? for update")) {
            select.setString(1, name);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no shared lock named " + name + " (migration V13)");
                }
                return row.getTimestamp(1);
            }
        }
    }
}

package io.writ.workflow.engine;

import io.writ.domain.ConcurrentChange;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.camunda.bpm.engine.OptimisticLockingException;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Does an action again when another changed what it changes at the same moment and won: two approvers of one writ
 * completing its approval task at once (the engine refuses the second: {@link OptimisticLockingException}), or two
 * changes of one writ (its version: {@link OptimisticLockException}). The transaction of the loser rolled back, so
 * nothing of it is kept; done again, it reads what the winner left, and either counts (the second of two approvals)
 * or is answered with what happened (the writ is approved already: a conflict, or the same answer for the same
 * decision again). Outside the transaction (a lower priority than the transaction's interceptor), and only where an
 * action begins one: an action called inside another's transaction leaves the retry to the outermost.
 */
@RetryOnConcurrentChange
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConcurrentChangeRetry {

    private static final Logger LOG = Logger.getLogger(ConcurrentChangeRetry.class.getName());

    /** Enough for a handful of people acting on one writ at once: each round, one of them wins. */
    static final int ATTEMPTS = 8;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return call.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException failure) {
                if (!isConcurrentChange(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChange("others changed the same writ at the same moment " + ATTEMPTS
                            + " times; nothing was changed, try again", failure);
                }
                int attemptMade = attempt;
                LOG.fine(() -> call.getMethod().getName() + " met a concurrent change (attempt " + attemptMade
                        + "); doing it again: " + failure);
                // A little apart, so the losers of one round do not meet again at once.
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            }
        }
    }

    /**
     * Whether another transaction changed the same rows first: the engine's or the persistence provider's optimistic
     * lock, the database's own serialization failure or deadlock (SQL state class 40), or the second of two inserts
     * of the same thing at once, which a unique constraint refuses ({@link #ONE_OF_A_KIND}): two decisions on one
     * writ recorded on what each read before the other committed (a writ's decisions are numbered, one per person),
     * or the same process variable created by two completions of one task (the engine's own constraint; on H2 the
     * engine reports it as an optimistic lock, on PostgreSQL the database does).
     */
    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof OptimisticLockException) {
                return true;
            }
            for (var sql = t instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                var state = sql.getSQLState() == null ? "" : sql.getSQLState();
                var message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (state.startsWith("40") || state.equals(UNIQUE_VIOLATION)
                        && ONE_OF_A_KIND.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SQL state of a unique constraint's refusal. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The unique constraints that refuse the second of two concurrent inserts of one thing: a writ's numbered
     * decisions, one per person (V2__writs.sql), and the engine's process variables.
     */
    static final List<String> ONE_OF_A_KIND = List.of("writ_approval_order", "writ_approval_once_per_person",
            "act_uniq_variable");
}

package io.writ.web;

import io.writ.domain.ConcurrentChange;
import io.writ.domain.identity.DirectoryUnavailable;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * A failure that is neither the user's doing nor a fault of the portal, and passes: Keycloak cannot be reached, or
 * the database could not take the change in time (a lock not free, a pool connection not free, a deadlock or
 * serialization conflict it broke by rolling back, or others changed the same writ at the same moment again and
 * again: {@link ConcurrentChange}). The transaction rolled back, so nothing changed and trying again
 * shortly helps. The API answers it with 503, a page with a form message.
 *
 * @param message what to tell the user
 * @param busy whether the portal itself was busy (then a client may retry at once), rather than Keycloak away
 */
public record Interruption(String message, boolean busy) {

    private static final Interruption KEYCLOAK_AWAY = new Interruption(
            "Keycloak cannot be reached right now; nothing was changed, try again shortly", false);
    private static final Interruption BUSY = new Interruption(
            "the portal is busy (the database could not take this in time); nothing was changed, try again shortly",
            true);

    /** Whether this one throwable, not its causes, is an interruption ({@link CauseChain} walks the chain). */
    public static Optional<Interruption> of(Throwable t) {
        if (t instanceof DirectoryUnavailable) {
            return Optional.of(KEYCLOAK_AWAY);
        }
        if (t instanceof ConcurrentChange || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof SQLTransientException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
            return Optional.of(BUSY);
        }
        return Optional.empty();
    }
}

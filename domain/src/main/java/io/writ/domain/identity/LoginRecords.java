package io.writ.domain.identity;

import java.time.Instant;
import java.util.List;

/**
 * What the identity provider records of people signing in: its login events and the sessions still open, read as
 * evidence of privileged access. A provider that cannot be reached gives {@link DirectoryUnavailable}.
 */
public interface LoginRecords {

    /**
     * The successful logins recorded since that instant, oldest first, at most {@code max} of them (the provider must
     * record login events). Logins at that very instant come again; their ids tell them apart.
     */
    List<DirectoryLogin> loginsSince(Instant since, int max);

    /** The user's open sessions in the identity provider; {@link NotInDirectory} for a user it does not know. */
    List<DirectorySession> sessionsOf(String username);
}

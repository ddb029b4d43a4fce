package io.writ.domain.identity;

import java.time.Instant;

/**
 * A successful login the identity provider recorded.
 *
 * @param id        the provider's id of the login event (stable: the same login read twice is the same id)
 * @param sessionId the provider session the login opened
 * @param clientId  the application the identity logged in to
 */
public record DirectoryLogin(String id, String username, String sessionId, Instant at, String ipAddress,
                             String clientId) {
}

package io.writ.domain.identity;

import java.util.List;
import java.util.Set;

/**
 * The identity provider as the model sees it (Keycloak behind an adapter). Every call reads the provider live;
 * a provider that cannot be reached gives {@link DirectoryUnavailable}.
 */
public interface IdentityDirectory {

    /** Proves the directory answers, for health checks. */
    void verifyReachable();

    /** The realm roles the user holds directly. */
    Set<String> realmRolesOf(String username);

    /** The user's open sessions in the identity provider. */
    List<DirectorySession> sessionsOf(String username);
}

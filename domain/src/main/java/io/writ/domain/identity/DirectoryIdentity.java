package io.writ.domain.identity;

import java.util.Objects;
import java.util.Set;

/**
 * An identity as the directory knows it.
 *
 * @param id         the directory's own key for it (Keycloak's user id), which a rename does not change
 * @param username   the login name; for an NHI, its service-account user (for example service-account-ci-deployer)
 * @param enabled    whether it may sign in
 * @param kind       a person, or the service account of a client (an NHI), as the directory records it
 * @param clientId   for an NHI, the client it belongs to; null for a person
 * @param owner      for an NHI, its accountable human owner (client attribute {@code writ.owner}); null if none
 * @param thirdParty a third-party administrator (user attribute or group, configurable): stricter policy applies
 * @param groups     the realm roles and group names it belongs to (approver groups are checked against these)
 */
public record DirectoryIdentity(String id, String username, boolean enabled, IdentityKind kind, String clientId,
                                String owner, boolean thirdParty, Set<String> groups) {

    public DirectoryIdentity {
        Objects.requireNonNull(kind, "kind");
        if (kind == IdentityKind.NON_HUMAN) {
            Objects.requireNonNull(clientId, "clientId: a non-human identity is the service account of a client");
        }
    }

    public boolean isNonHuman() {
        return kind == IdentityKind.NON_HUMAN;
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}

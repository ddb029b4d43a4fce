package io.writ.domain.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A client of the identity provider that acts as itself through a service account: a non-human identity as the
 * provider records it.
 *
 * @param keycloakId       the client's own id in the provider (not its client id)
 * @param serviceAccount   the service account's username, as the provider names it
 * @param serviceAccountId the service account's user id in the provider
 * @param owner            the accountable person named on the client; null when nobody is
 * @param ownerId          that person's user id in the provider; null when there is no such user
 * @param ownerEnabled     whether that person exists and may log in; false when the owner is unknown or disabled
 * @param secretCreatedAt  when the current client secret was made; null when the provider does not say (or the
 *                         client has no secret)
 * @param realmRoles       the realm roles assigned directly to the service account (as far as the reader asked:
 *                         a reading of the whole realm asks for the catalogue's roles only)
 */
public record DirectoryClient(String clientId, String keycloakId, String serviceAccount, String serviceAccountId,
                              boolean enabled, String owner, String ownerId, boolean ownerEnabled,
                              Instant secretCreatedAt,
                              Set<String> realmRoles) {

    public Optional<Instant> secretMadeAt() {
        return Optional.ofNullable(secretCreatedAt);
    }
}

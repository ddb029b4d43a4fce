package io.writ.domain.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A client of the identity provider that acts as itself through a service account: a non-human identity as the
 * provider records it.
 *
 * @param serviceAccount  the service account's username ({@code service-account-<client>})
 * @param owner           the accountable person named on the client; null when nobody is
 * @param ownerEnabled    whether that person exists and may log in; false when the owner is unknown or disabled
 * @param secretCreatedAt when the current client secret was made; null when the provider does not say (or the
 *                        client has no secret)
 * @param realmRoles      the realm roles assigned directly to the service account
 */
public record DirectoryClient(String clientId, String serviceAccount, boolean enabled, String owner,
                              boolean ownerEnabled, Instant secretCreatedAt, Set<String> realmRoles) {

    public Optional<Instant> secretMadeAt() {
        return Optional.ofNullable(secretCreatedAt);
    }
}

package io.writ.domain.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The non-human identities as the identity provider knows them: the clients that act through a service account,
 * with their owners and credentials. A provider that cannot be reached gives {@link DirectoryUnavailable}.
 */
public interface NhiClients {

    /** A client's service account as the provider names it. */
    record ServiceAccount(String username, String id) {
    }

    /**
     * Every client that acts through a service account, read in pages for a reconciliation of the whole realm: each
     * with its owner (and whether the owner may still log in), its secret's age, and of its service account's realm
     * roles those asked about (each role's holders are read once, not each client's roles).
     *
     * @param known service accounts already known, by the client's id in the provider: only the other clients cost
     *              a call each; a known client the pages miss is asked for on its own before it is left out (a
     *              paged listing shifts when clients are made or removed while it is read)
     * @param roles the realm roles whose holding matters
     */
    List<DirectoryClient> nonHumanIdentities(Map<String, ServiceAccount> known, Set<String> roles);

    /** The one client with that client id, if it acts through a service account (an NHI): found without the rest. */
    Optional<DirectoryClient> nonHumanIdentity(String clientId);

    /** The one client with that id in the provider (not its client id), if it acts through a service account. */
    Optional<DirectoryClient> nonHumanIdentityWithId(String keycloakId);

    /**
     * Replaces a confidential client's secret (an NHI's credential): the old secret stops working at once. The new
     * secret is not returned: its owner reads it from the identity provider. A client the provider does not know
     * gives {@link NotInDirectory}.
     */
    void regenerateSecret(String clientId);
}

package io.writ.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * The non-human identities as the identity provider knows them: the clients that act through a service account,
 * with their owners and credentials. A provider that cannot be reached gives {@link DirectoryUnavailable}.
 */
public interface NhiClients {

    /** Every client that acts through a service account (the non-human identities), with owner and secret age. */
    List<DirectoryClient> nonHumanIdentities();

    /** The one client with that client id, if it acts through a service account (an NHI): found without the rest. */
    Optional<DirectoryClient> nonHumanIdentity(String clientId);

    /**
     * Replaces a confidential client's secret (an NHI's credential): the old secret stops working at once. The new
     * secret is not returned: its owner reads it from the identity provider. A client the provider does not know
     * gives {@link NotInDirectory}.
     */
    void regenerateSecret(String clientId);
}

package io.writ.workflow.keycloak;

import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.NhiClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keycloak's clients that act through a service account, as the model's non-human identities: each with its owner
 * (a client attribute), whether that owner is still an enabled user, its secret's age and its realm roles.
 */
@ApplicationScoped
public class KeycloakNhiClients implements NhiClients {

    private static final Logger LOG = Logger.getLogger(KeycloakNhiClients.class.getName());

    /** The client attribute naming the person accountable for an NHI. */
    static final String OWNER_ATTRIBUTE = "writ.owner";

    /** Keycloak's client attribute with the epoch second the current secret was made (set since Keycloak 22). */
    static final String SECRET_CREATION_TIME = "client.secret.creation.time";

    @Inject
    AdminSession keycloak;

    @Override
    public List<DirectoryClient> nonHumanIdentities() {
        return keycloak.call(realm -> Pages.all((first, max) -> realm.clients().findAll(null, false, false, first, max))
                .stream()
                .filter(KeycloakNhiClients::actsThroughServiceAccount)
                .map(client -> nonHumanIdentity(realm, client))
                .toList());
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentity(String clientId) {
        return keycloak.call(realm -> realm.clients().findByClientId(clientId).stream()
                .filter(client -> clientId.equals(client.getClientId()))
                .filter(KeycloakNhiClients::actsThroughServiceAccount)
                .findFirst().map(client -> nonHumanIdentity(realm, client)));
    }

    @Override
    public void regenerateSecret(String clientId) {
        keycloak.call(realm -> realm.clients().get(keycloak.client(realm, clientId).getId()).generateNewSecret());
    }

    /** The NHI's accountable person as the client names them; null when it names none. */
    static String ownerOf(ClientRepresentation client) {
        var owner = client.getAttributes() == null ? null : client.getAttributes().get(OWNER_ATTRIBUTE);
        return owner == null || owner.isBlank() ? null : owner;
    }

    private static boolean actsThroughServiceAccount(ClientRepresentation client) {
        return Boolean.TRUE.equals(client.isServiceAccountsEnabled());
    }

    private DirectoryClient nonHumanIdentity(RealmResource realm, ClientRepresentation client) {
        var account = realm.clients().get(client.getId()).getServiceAccountUser();
        var owner = ownerOf(client);
        var ownerEnabled = owner != null && AdminSession.findUser(realm, owner).map(UserRepresentation::isEnabled)
                .filter(Boolean.TRUE::equals).isPresent();
        return new DirectoryClient(client.getClientId(), account.getUsername(), Boolean.TRUE.equals(client.isEnabled()),
                owner, ownerEnabled, secretCreatedAt(client),
                AdminSession.names(realm.users().get(account.getId()).roles().realmLevel().listAll()));
    }

    /** When the client's secret was made, as Keycloak records it; null when it does not, or not readably. */
    private static Instant secretCreatedAt(ClientRepresentation client) {
        var made = client.getAttributes() == null ? null : client.getAttributes().get(SECRET_CREATION_TIME);
        try {
            return made == null || made.isBlank() ? null : Instant.ofEpochSecond(Long.parseLong(made.strip()));
        } catch (NumberFormatException unreadable) {
            LOG.warning(() -> "Client " + client.getClientId() + " has an unreadable " + SECRET_CREATION_TIME + " ('"
                    + made + "'): its secret's age is unknown");
            return null;
        }
    }
}

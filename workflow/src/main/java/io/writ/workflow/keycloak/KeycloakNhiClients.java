package io.writ.workflow.keycloak;

import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.NhiClients;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Keycloak's clients that act through a service account, as the model's non-human identities: each with its owner
 * (a client attribute), whether that owner is still an enabled user, its secret's age and its realm roles. The whole
 * realm is read in pages of clients, each owner once and each role's holders once: a client costs a call of its own
 * only the first time (to learn its service account).
 */
@ApplicationScoped
public class KeycloakNhiClients implements NhiClients {

    private static final Logger LOG = Logger.getLogger(KeycloakNhiClients.class.getName());

    /** The client attribute naming the person accountable for an NHI. */
    static final String OWNER_ATTRIBUTE = "writ.owner";

    /** Keycloak's client attribute with the epoch second the current secret was made (set since Keycloak 22). */
    static final String SECRET_CREATION_TIME = "client.secret.creation.time";

    /** Clients, or role holders, asked for at once in a reading of the whole realm. */
    static final int PAGE = 1000;

    /** Service accounts looked up at once (fewer lookups than this are made one after another). */
    static final int LOOKUPS_AT_ONCE = 4;

    @Inject
    AdminSession keycloak;

    @Resource
    ManagedExecutorService executor;

    @Override
    public List<DirectoryClient> nonHumanIdentities(Map<String, ServiceAccount> known, Set<String> roles) {
        // Until an empty page: Keycloak may answer a page shorter than asked in the middle of the realm (a short page
        // ended the reading once, at 31,993 of 50,003 clients, and the rest were taken for removed). Pages shift when
        // clients are made or removed meanwhile: a client seen twice counts once, and one the pages missed is asked
        // for on its own below.
        var listed = new LinkedHashMap<String, ClientRepresentation>();
        int first = 0;
        List<ClientRepresentation> page;
        do {
            int from = first;
            page = keycloak.call(realm -> realm.clients().findAll(null, false, false, from, PAGE));
            page.forEach(client -> listed.putIfAbsent(client.getId(), client));
            first += page.size();
        } while (!page.isEmpty());
        var clients = new ArrayList<>(listed.values());
        var holders = holdersOf(roles);
        var accounts = serviceAccountsOf(clients.stream().filter(KeycloakNhiClients::actsThroughServiceAccount)
                .filter(c -> !known.containsKey(c.getId())).map(ClientRepresentation::getId).toList());
        accounts.putAll(known);
        var owners = new HashMap<String, Owner>();
        var found = new ArrayList<DirectoryClient>();
        for (var client : clients) {
            if (!actsThroughServiceAccount(client)) {
                continue;
            }
            var account = Optional.ofNullable(accounts.get(client.getId()));
            if (account.isEmpty()) {
                continue; // removed since the page was read
            }
            var owner = ownerOf(client);
            var ownerState = owner == null ? Owner.NONE : owners.computeIfAbsent(owner, this::owner);
            found.add(new DirectoryClient(client.getClientId(), client.getId(), account.get().username(),
                    account.get().id(), Boolean.TRUE.equals(client.isEnabled()), owner, ownerState.id(),
                    ownerState.enabled(), secretCreatedAt(client),
                    Set.copyOf(holders.getOrDefault(account.get().id(), Set.of()))));
        }
        var missed = known.keySet().stream().filter(id -> !listed.containsKey(id)).toList();
        var stillThere = eachAtOnce(missed, this::nonHumanIdentityWithId);
        if (!stillThere.isEmpty()) {
            LOG.info(() -> stillThere.size() + " of the " + missed.size() + " known NHIs the pages did not list are "
                    + "still in Keycloak (read one by one)");
        }
        found.addAll(stillThere.values());
        return found;
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentity(String clientId) {
        return keycloak.call(realm -> realm.clients().findByClientId(clientId).stream()
                .filter(client -> clientId.equals(client.getClientId()))
                .filter(KeycloakNhiClients::actsThroughServiceAccount)
                .findFirst().map(client -> nonHumanIdentity(realm, client)));
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentityWithId(String keycloakId) {
        return keycloak.call(realm -> {
            try {
                return Optional.of(realm.clients().get(keycloakId).toRepresentation())
                        .filter(KeycloakNhiClients::actsThroughServiceAccount)
                        .map(client -> nonHumanIdentity(realm, client));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
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
        var ownerState = owner == null ? Owner.NONE : owner(realm, owner);
        return new DirectoryClient(client.getClientId(), client.getId(), account.getUsername(), account.getId(),
                Boolean.TRUE.equals(client.isEnabled()), owner, ownerState.id(), ownerState.enabled(),
                secretCreatedAt(client),
                AdminSession.names(realm.users().get(account.getId()).roles().realmLevel().listAll()));
    }

    /** The service accounts of clients seen for the first time, a call each; a client removed meanwhile has none. */
    private Map<String, ServiceAccount> serviceAccountsOf(List<String> keycloakIds) {
        return eachAtOnce(keycloakIds, this::serviceAccountOf);
    }

    /**
     * One reading per client, {@link #LOOKUPS_AT_ONCE} at once on the container's managed executor (a realm's first
     * reading asks for tens of thousands: each of a few workers takes the next client until none is left, so the
     * executor's queue never holds more than the workers); by the client's id, those that answered something.
     */
    private <T> Map<String, T> eachAtOnce(List<String> keycloakIds, Function<String, Optional<T>> read) {
        var answers = new ConcurrentHashMap<String, T>();
        var next = new ConcurrentLinkedQueue<>(keycloakIds);
        Runnable worker = () -> {
            for (var id = next.poll(); id != null; id = next.poll()) {
                var clientId = id;
                read.apply(clientId).ifPresent(answer -> answers.put(clientId, answer));
            }
        };
        if (executor == null || keycloakIds.size() < LOOKUPS_AT_ONCE) {
            worker.run();
            return answers;
        }
        var workers = new ArrayList<Future<?>>();
        for (int i = 0; i < LOOKUPS_AT_ONCE; i++) {
            workers.add(executor.submit(worker));
        }
        try {
            for (var done : workers) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading clients one by one", e);
        } catch (ExecutionException e) {
            next.clear(); // the other workers stop after their current client
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
        return answers;
    }

    private Optional<ServiceAccount> serviceAccountOf(String keycloakId) {
        return keycloak.call(realm -> {
            try {
                var account = realm.clients().get(keycloakId).getServiceAccountUser();
                return Optional.of(new ServiceAccount(account.getUsername(), account.getId()));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    /** The users holding each role directly, by user id: each role's holders read page by page. */
    private Map<String, Set<String>> holdersOf(Set<String> roles) {
        var holders = new HashMap<String, Set<String>>();
        for (var role : roles) {
            int first = 0;
            List<UserRepresentation> page;
            do {
                int from = first;
                page = keycloak.call(realm -> {
                    try {
                        return realm.roles().get(role).getUserMembers(true, from, PAGE);
                    } catch (NotFoundException gone) {
                        return List.<UserRepresentation>of(); // a catalogue role Keycloak does not have: nobody holds it
                    }
                });
                page.forEach(user -> holders.computeIfAbsent(user.getId(), id -> new HashSet<>()).add(role));
                first += page.size();
            } while (page.size() == PAGE);
        }
        return holders;
    }

    /** A named owner as Keycloak knows them: their user id (null when there is no such user) and whether enabled. */
    record Owner(String id, boolean enabled) {
        static final Owner NONE = new Owner(null, false);
    }

    private Owner owner(String username) {
        return keycloak.call(realm -> owner(realm, username));
    }

    private static Owner owner(RealmResource realm, String username) {
        return AdminSession.findUser(realm, username)
                .map(user -> new Owner(user.getId(), Boolean.TRUE.equals(user.isEnabled())))
                .orElse(Owner.NONE);
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

package io.writ.workflow.fakes;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.Contact;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.identity.IdentityKind;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.identity.NotInDirectory;

import java.time.Instant;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak as the ports see it, in memory: people and service accounts with their groups, clients with their
 * owners and secrets, who holds which entitlement, open sessions. What the directory says an identity is, is what
 * it was made as here: never what its name suggests.
 */
public final class FakeKeycloak implements IdentityDirectory, AccessAssignments, NhiClients {

    private final Map<String, DirectoryIdentity> identities = new LinkedHashMap<>();
    private final Map<String, DirectoryClient> clients = new LinkedHashMap<>();
    private final Map<String, Set<String>> held = new HashMap<>();
    private final Map<String, Integer> openSessions = new HashMap<>();
    private final Map<String, Integer> secretsRegenerated = new HashMap<>();

    /** A person of these groups (realm roles or groups), with one open session. */
    public FakeKeycloak person(String username, String... groups) {
        identities.put(username, new DirectoryIdentity("id-" + username, username, true, IdentityKind.PERSON, null,
                null, false, Set.of(groups)));
        openSessions.put(username, 1);
        return this;
    }

    /** A client acting through its service account, owned by that person. */
    public FakeKeycloak nhi(String clientId, String owner) {
        var account = "service-account-" + clientId;
        identities.put(account, new DirectoryIdentity("id-" + account, account, true, IdentityKind.NON_HUMAN, clientId,
                owner, false, Set.of("requester")));
        clients.put(clientId, new DirectoryClient(clientId, "kc-" + clientId, account, "id-" + account, true, owner,
                "id-" + owner, true, Instant.EPOCH, Set.of()));
        return this;
    }

    public Set<String> heldBy(String username) {
        return Set.copyOf(held.getOrDefault(username, Set.of()));
    }

    public int secretsRegenerated(String clientId) {
        return secretsRegenerated.getOrDefault(clientId, 0);
    }

    // --- IdentityDirectory -------------------------------------------------------------------------------------

    @Override
    public void verifyReachable() {
    }

    @Override
    public Optional<DirectoryIdentity> identity(String username) {
        return Optional.ofNullable(identities.get(username));
    }

    @Override
    public Optional<Contact> contact(String username) {
        return identity(username).map(i -> new Contact(i.username(), i.username() + "@writ.example"));
    }

    @Override
    public List<Contact> membersOf(String group) {
        var members = new ArrayList<Contact>();
        identities.values().stream().filter(i -> i.isIn(group))
                .forEach(i -> members.add(new Contact(i.username(), i.username() + "@writ.example")));
        return members;
    }

    private java.time.Clock clock = java.time.Clock.systemUTC();

    /** Keycloak's answers are timed by this clock (the step's own clock, in a test of times). */
    public FakeKeycloak at(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    // --- AccessAssignments -------------------------------------------------------------------------------------

    @Override
    public Added grant(DirectoryRef identity, Entitlement entitlement) {
        held.computeIfAbsent(known(identity), k -> new HashSet<>()).add(entitlement.name());
        var addedAt = clock.instant();
        return new Added(addedAt, true, clock.instant());
    }

    @Override
    public Removed revoke(DirectoryRef identity, Entitlement entitlement) {
        var removed = held.getOrDefault(known(identity), new HashSet<>()).remove(entitlement.name());
        var removedAt = removed ? Optional.of(clock.instant()) : Optional.<Instant>empty();
        return new Removed(removedAt, true, clock.instant());
    }

    @Override
    public boolean holds(String username, Entitlement entitlement) {
        return heldBy(username).contains(entitlement.name());
    }

    @Override
    public Set<String> holdersOf(Entitlement entitlement) {
        var holders = new HashSet<String>();
        held.forEach((who, names) -> {
            if (names.contains(entitlement.name())) {
                holders.add(who);
            }
        });
        return holders;
    }

    @Override
    public Set<String> realmRolesOf(String username) {
        return heldBy(username);
    }

    @Override
    public LoggedOut logout(DirectoryRef identity) {
        var open = openSessions.put(known(identity), 0);
        var at = clock.instant();
        return new LoggedOut(open == null ? 0 : open, at, Optional.of(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Override
    public Duration longestAccessToken() {
        return Duration.ofSeconds(60);
    }

    // --- NhiClients --------------------------------------------------------------------------------------------

    @Override
    public List<DirectoryClient> nonHumanIdentities(Map<String, ServiceAccount> known, Set<String> roles) {
        return List.copyOf(clients.values());
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentityWithId(String keycloakId) {
        return clients.values().stream().filter(c -> c.keycloakId().equals(keycloakId)).findFirst();
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentity(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public void regenerateSecret(String clientId) {
        if (!clients.containsKey(clientId)) {
            throw new NotInDirectory("No client '" + clientId + "' in Keycloak realm 'writ'");
        }
        secretsRegenerated.merge(clientId, 1, Integer::sum);
    }

    private String known(DirectoryRef identity) {
        if (!identities.containsKey(identity.username())) {
            throw new NotInDirectory("No user '" + identity.username() + "' in Keycloak realm 'writ'");
        }
        return identity.username();
    }
}

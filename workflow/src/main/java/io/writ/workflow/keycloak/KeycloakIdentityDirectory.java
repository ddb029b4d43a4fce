package io.writ.workflow.keycloak;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.Contact;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.DirectoryLogin;
import io.writ.domain.identity.DirectorySession;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.identity.IdentityKind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keycloak as the model's identity directory, through the admin client. The admin session is made on first use;
 * when Keycloak cannot be reached or refuses the admin token (after a restart, say), the session is dropped and
 * the next call signs in afresh, so the directory recovers by itself when Keycloak comes back.
 * <p>
 * One thing Keycloak knows is remembered, because a grant spent as many calls looking it up as granting: a realm
 * role's representation by name. Keycloak checks it on every mapping call (a mapping names the role by name and id
 * and is refused with 404 when they no longer match), so a remembered role that went stale (a Keycloak re-imported
 * or edited by hand) shows as a 404: the roles are then forgotten and the call made once more with fresh lookups;
 * any failure of Keycloak forgets them too. Holding is judged by role name, unique in the realm, so a stale id can
 * never make a held role look absent. Users are looked up by username on every call: a renamed user keeps its id,
 * so a remembered id could point a grant at someone who no longer has that name. Everything else (clients, groups,
 * client roles) is looked up on every call too. Something the directory does not know
 * (user, role, client, group) is a configuration problem and gives {@link NoSuchElementException}; only an
 * unreachable or failing Keycloak gives {@link DirectoryUnavailable}.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    static {
        Keycloak.setClientProvider(new JerseyClientProvider());
    }

    /** The client attribute naming the person accountable for an NHI. */
    static final String OWNER_ATTRIBUTE = "writ.owner";

    /** Keycloak names a client's service-account user after the client, with this prefix. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    /** Keycloak answers lists in pages (100 by default); ask page by page rather than trust one answer is all. */
    private static final int PAGE = 100;

    @Inject
    KeycloakSettings settings;

    private volatile Keycloak admin;

    /** Realm roles by name, as last looked up (see the class comment for when they are forgotten). */
    private final Map<String, RoleRepresentation> realmRoles = new ConcurrentHashMap<>();

    @Override
    public void verifyReachable() {
        call(realm -> realm.toRepresentation().getRealm());
    }

    @Override
    public Optional<DirectoryIdentity> identity(String username) {
        return call(realm -> findUser(realm, username).map(user -> describe(realm, user)));
    }

    @Override
    public Optional<Contact> contact(String username) {
        return call(realm -> findUser(realm, username).map(KeycloakIdentityDirectory::contactOf));
    }

    @Override
    public List<Contact> membersOf(String group) {
        return call(realm -> {
            var members = new LinkedHashMap<String, Contact>();
            var visitedGroups = new HashSet<String>();
            roleHolders(realm, group, members, visitedGroups);
            try {
                var named = realm.getGroupByPath(group.startsWith("/") ? group : "/" + group);
                groupMembers(realm, named.getId(), members, visitedGroups);
            } catch (NotFoundException noSuchGroup) {
                // a realm role only, or neither: what the directory does not know has no members
            }
            return List.copyOf(members.values());
        });
    }

    @Override
    public Set<String> realmRolesOf(String username) {
        return call(realm -> names(user(realm, username).roles().realmLevel().listAll()));
    }

    @Override
    public List<DirectorySession> sessionsOf(String username) {
        return call(realm -> user(realm, username).getUserSessions().stream()
                .map(s -> new DirectorySession(s.getId(), s.getUsername(), s.getIpAddress(),
                        Instant.ofEpochMilli(s.getStart()), Instant.ofEpochMilli(s.getLastAccess())))
                .toList());
    }

    @Override
    public boolean grant(DirectoryRef identity, Entitlement entitlement) {
        // Added without asking first: Keycloak keeps one mapping however often it is added, so a retried grant
        // changes nothing (it only leaves one more admin event). Read back through the same user.
        return remembering(identity, realm -> {
            var holding = holding(user(realm, identity), entitlement, realm);
            holding.add();
            return holding.held();
        });
    }

    @Override
    public boolean revoke(DirectoryRef identity, Entitlement entitlement) {
        return remembering(identity, realm -> {
            var holding = holding(user(realm, identity), entitlement, realm);
            if (holding.held()) {
                holding.remove();
                return !holding.held();
            }
            return true;
        });
    }

    @Override
    public boolean holds(String username, Entitlement entitlement) {
        return remembering(DirectoryRef.named(username),
                realm -> holding(user(realm, username), entitlement, realm).held());
    }

    @Override
    public Set<String> holdersOf(Entitlement entitlement) {
        return call(realm -> {
            var name = entitlement.name();
            // Keycloak's role members and group members are the direct ones: the same sense as holds().
            Function<Integer, List<UserRepresentation>> page = switch (entitlement.kind()) {
                case REALM_ROLE -> {
                    var role = roleResource(realm.roles(), name, "realm role '" + name + "'");
                    yield first -> role.getUserMembers(true, first, PAGE);
                }
                case CLIENT_ROLE -> {
                    var client = client(realm, entitlement.clientId());
                    var role = roleResource(realm.clients().get(client.getId()).roles(), name,
                            "role '" + name + "' of client '" + entitlement.clientId() + "'");
                    yield first -> role.getUserMembers(true, first, PAGE);
                }
                case GROUP -> {
                    var group = realm.groups().group(group(realm, name).getId());
                    yield first -> group.members(first, PAGE, true);
                }
            };
            var holders = new HashSet<String>();
            List<UserRepresentation> users;
            int first = 0;
            do {
                users = page.apply(first);
                users.forEach(u -> holders.add(u.getUsername()));
                first += users.size();
            } while (users.size() == PAGE);
            return Set.copyOf(holders);
        });
    }

    @Override
    public int logout(DirectoryRef identity) {
        return byRef(identity, realm -> {
            var user = user(realm, identity);
            var open = user.getUserSessions().size();
            // Ends every session; Keycloak also stops accepting refresh of any token issued before now (offline too).
            user.logout();
            return open;
        });
    }

    @Override
    public void regenerateSecret(String clientId) {
        call(realm -> realm.clients().get(client(realm, clientId).getId()).generateNewSecret());
    }

    /** Keycloak's client attribute with the epoch second the current secret was made (set since Keycloak 22). */
    static final String SECRET_CREATION_TIME = "client.secret.creation.time";

    @Override
    public List<DirectoryClient> nonHumanIdentities() {
        return call(realm -> {
            var found = new ArrayList<DirectoryClient>();
            List<ClientRepresentation> page;
            int first = 0;
            do {
                page = realm.clients().findAll(null, false, false, first, PAGE);
                first += page.size();
                page.stream().filter(KeycloakIdentityDirectory::actsThroughServiceAccount)
                        .map(client -> nonHumanIdentity(realm, client)).forEach(found::add);
            } while (page.size() == PAGE);
            return List.copyOf(found);
        });
    }

    @Override
    public Optional<DirectoryClient> nonHumanIdentity(String clientId) {
        return call(realm -> realm.clients().findByClientId(clientId).stream()
                .filter(client -> clientId.equals(client.getClientId()))
                .filter(KeycloakIdentityDirectory::actsThroughServiceAccount)
                .findFirst().map(client -> nonHumanIdentity(realm, client)));
    }

    private static boolean actsThroughServiceAccount(ClientRepresentation client) {
        return Boolean.TRUE.equals(client.isServiceAccountsEnabled());
    }

    private DirectoryClient nonHumanIdentity(RealmResource realm, ClientRepresentation client) {
        var account = realm.clients().get(client.getId()).getServiceAccountUser();
        var owner = ownerOf(client);
        var ownerEnabled = owner != null && findUser(realm, owner).map(UserRepresentation::isEnabled)
                .filter(Boolean.TRUE::equals).isPresent();
        return new DirectoryClient(client.getClientId(), account.getUsername(), Boolean.TRUE.equals(client.isEnabled()),
                owner, ownerEnabled, secretCreatedAt(client),
                names(realm.users().get(account.getId()).roles().realmLevel().listAll()));
    }

    private static Instant secretCreatedAt(ClientRepresentation client) {
        var made = client.getAttributes() == null ? null : client.getAttributes().get(SECRET_CREATION_TIME);
        try {
            return made == null || made.isBlank() ? null : Instant.ofEpochSecond(Long.parseLong(made.strip()));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    @Override
    public List<DirectoryLogin> loginsSince(Instant since, int max) {
        return call(realm -> realm.getEvents(List.of("LOGIN"), null, null, since.toEpochMilli(),
                        Instant.now().plusSeconds(86_400).toEpochMilli(), null, 0, max, "asc").stream()
                .filter(e -> e.getError() == null)
                .map(e -> new DirectoryLogin(e.getId(), e.getDetails() == null ? null : e.getDetails().get("username"),
                        e.getSessionId(), Instant.ofEpochMilli(e.getTime()), e.getIpAddress(), e.getClientId()))
                .filter(login -> login.username() != null)
                .toList());
    }

    // --- identities -------------------------------------------------------------------------------------------

    private DirectoryIdentity describe(RealmResource realm, UserRepresentation user) {
        var resource = realm.users().get(user.getId());
        var groupNames = groupNames(resource);
        var rolesAndGroups = new HashSet<>(names(resource.roles().realmLevel().listEffective()));
        rolesAndGroups.addAll(groupNames);
        var thirdParty = new ThirdPartyMark(settings.thirdPartyGroup()).isOn(user.getAttributes(), groupNames);
        var client = serviceAccountClient(realm, user);
        return new DirectoryIdentity(user.getId(), user.getUsername(), Boolean.TRUE.equals(user.isEnabled()),
                client.isPresent() ? IdentityKind.NON_HUMAN : IdentityKind.PERSON,
                client.map(ClientRepresentation::getClientId).orElse(null),
                client.map(KeycloakIdentityDirectory::ownerOf).orElse(null),
                thirdParty, Set.copyOf(rolesAndGroups));
    }

    /**
     * The client whose service account this user is, if any. Keycloak's admin API (26.4, seen here) leaves the
     * user's serviceAccountClientId empty, so go from the user's name to the client and make sure that client's
     * service account really is this user: a person cannot pass for an NHI by choosing the name.
     */
    private static Optional<ClientRepresentation> serviceAccountClient(RealmResource realm, UserRepresentation user) {
        var username = user.getUsername();
        if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        var clientId = username.substring(SERVICE_ACCOUNT_PREFIX.length());
        // Keycloak lowercases usernames but not client ids: search without regard to case, then compare.
        return realm.clients().findAll(clientId, false, true, 0, PAGE).stream()
                .filter(c -> c.getClientId().equalsIgnoreCase(clientId))
                .filter(c -> Boolean.TRUE.equals(c.isServiceAccountsEnabled()))
                .filter(c -> user.getId().equals(realm.clients().get(c.getId()).getServiceAccountUser().getId()))
                .findFirst();
    }

    private static String ownerOf(ClientRepresentation client) {
        var owner = client.getAttributes() == null ? null : client.getAttributes().get(OWNER_ATTRIBUTE);
        return owner == null || owner.isBlank() ? null : owner;
    }

    /** The names of the user's groups and of the groups they sit in: a member of a subgroup is in its parents. */
    private static Set<String> groupNames(UserResource user) {
        var names = new HashSet<String>();
        for (var group : groupsOf(user)) {
            names.add(group.getName());
            names.addAll(GroupPath.names(group.getPath()));
        }
        return names;
    }

    private static List<GroupRepresentation> groupsOf(UserResource user) {
        var all = new ArrayList<GroupRepresentation>();
        List<GroupRepresentation> page;
        do {
            page = user.groups(all.size(), PAGE, true);
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }

    // --- members of groups ---------------------------------------------------------------------------------------

    /**
     * Holders of the realm role of that name: the users it is mapped to directly, and the members of the groups it
     * is mapped to. Holders through a composite role are not followed (the model's groups are plain roles).
     */
    private static void roleHolders(RealmResource realm, String roleName, Map<String, Contact> members,
                                    Set<String> visitedGroups) {
        var role = realm.roles().get(roleName);
        try {
            List<UserRepresentation> page;
            int first = 0;
            do {
                page = role.getUserMembers(first, PAGE);
                page.forEach(user -> addEnabled(user, members));
                first += PAGE;
            } while (page.size() == PAGE);
            List<GroupRepresentation> groups;
            first = 0;
            do {
                groups = List.copyOf(role.getRoleGroupMembers(first, PAGE));
                for (var group : groups) {
                    groupMembers(realm, group.getId(), members, visitedGroups);
                }
                first += PAGE;
            } while (groups.size() == PAGE);
        } catch (NotFoundException noSuchRole) {
            // not a realm role
        }
    }

    /** The members of a group and of all its subgroups: a member of a subgroup is in its parents. */
    private static void groupMembers(RealmResource realm, String groupId, Map<String, Contact> members,
                                     Set<String> visitedGroups) {
        if (!visitedGroups.add(groupId)) {
            return;
        }
        var group = realm.groups().group(groupId);
        List<UserRepresentation> page;
        int first = 0;
        do {
            page = group.members(first, PAGE);
            page.forEach(user -> addEnabled(user, members));
            first += PAGE;
        } while (page.size() == PAGE);
        List<GroupRepresentation> subgroups;
        first = 0;
        do {
            subgroups = group.getSubGroups(first, PAGE, true);
            for (var subgroup : subgroups) {
                groupMembers(realm, subgroup.getId(), members, visitedGroups);
            }
            first += PAGE;
        } while (subgroups.size() == PAGE);
    }

    private static void addEnabled(UserRepresentation user, Map<String, Contact> members) {
        if (Boolean.TRUE.equals(user.isEnabled())) {
            members.putIfAbsent(user.getUsername(), contactOf(user));
        }
    }

    private static Contact contactOf(UserRepresentation user) {
        // An address Keycloak has not verified is still where the person said they read mail: used as it is.
        return new Contact(user.getUsername(), user.getEmail());
    }

    // --- entitlements -----------------------------------------------------------------------------------------

    /** An entitlement as the user holds it in Keycloak: a direct role mapping or a group membership. */
    private interface Holding {
        boolean held();

        void add();

        void remove();
    }

    private Holding holding(UserResource user, Entitlement entitlement, RealmResource realm) {
        var name = entitlement.name();
        return switch (entitlement.kind()) {
            case REALM_ROLE -> roleHolding(user.roles().realmLevel(), realmRole(realm, name));
            case CLIENT_ROLE -> {
                var client = client(realm, entitlement.clientId());
                var role = role(realm.clients().get(client.getId()).roles(), name,
                        "role '" + name + "' of client '" + entitlement.clientId() + "'");
                yield roleHolding(user.roles().clientLevel(client.getId()), role);
            }
            case GROUP -> groupHolding(user, group(realm, name));
        };
    }

    /**
     * Direct mappings only: a role the user has through a composite or a group is not one a writ gave. Judged by
     * name (unique among a realm's roles, and among a client's), so a remembered role whose id went stale still
     * counts as held.
     */
    private static Holding roleHolding(RoleScopeResource mappings, RoleRepresentation role) {
        return new Holding() {
            public boolean held() {
                return mappings.listAll().stream().anyMatch(r -> r.getName().equals(role.getName()));
            }

            public void add() {
                mappings.add(List.of(role));
            }

            public void remove() {
                mappings.remove(List.of(role));
            }
        };
    }

    private static Holding groupHolding(UserResource user, GroupRepresentation group) {
        return new Holding() {
            public boolean held() {
                return groupsOf(user).stream().anyMatch(g -> g.getId().equals(group.getId()));
            }

            public void add() {
                user.joinGroup(group.getId());
            }

            public void remove() {
                user.leaveGroup(group.getId());
            }
        };
    }

    /** The role's own resource, checked to exist (Keycloak's proxy would only fail on first use otherwise). */
    private RoleResource roleResource(RolesResource roles, String name, String what) {
        role(roles, name, what);
        return roles.get(name);
    }

    /** The realm role as last looked up, or looked up now (not inside the map's lock: it is a call to Keycloak). */
    private RoleRepresentation realmRole(RealmResource realm, String name) {
        var known = realmRoles.get(name);
        if (known == null) {
            known = role(realm.roles(), name, "realm role '" + name + "'");
            realmRoles.put(name, known);
        }
        return known;
    }

    private RoleRepresentation role(RolesResource roles, String name, String what) {
        try {
            return roles.get(name).toRepresentation();
        } catch (NotFoundException e) {
            throw notFound(what);
        }
    }

    private ClientRepresentation client(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).stream()
                .filter(c -> c.getClientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> notFound("client '" + clientId + "'"));
    }

    /** A group entitlement names a top-level group, or a subgroup by its full path ("/ops/oncall-admins"). */
    private GroupRepresentation group(RealmResource realm, String nameOrPath) {
        try {
            return realm.getGroupByPath(nameOrPath.startsWith("/") ? nameOrPath : "/" + nameOrPath);
        } catch (NotFoundException e) {
            throw notFound("group '" + nameOrPath + "'");
        }
    }

    // --- lookups and the admin session ------------------------------------------------------------------------

    /** Exact username; Keycloak's exact username search also finds service-account users (its free search does not). */
    private static Optional<UserRepresentation> findUser(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(u -> u.getUsername().equalsIgnoreCase(username))
                .findFirst();
    }

    /**
     * By its key when known: no search, and no other account that took the name since. Keycloak answers 404 on the
     * first call for a key it does not know (see {@link #byRef}).
     */
    private UserResource user(RealmResource realm, DirectoryRef identity) {
        return identity.id() == null ? user(realm, identity.username()) : realm.users().get(identity.id());
    }

    private UserResource user(RealmResource realm, String username) {
        var found = findUser(realm, username).orElseThrow(() -> notFound("user '" + username + "'"));
        return realm.users().get(found.getId());
    }

    private NoSuchElementException notFound(String what) {
        return new NoSuchElementException("No " + what + " in Keycloak realm '" + settings.realm() + "'");
    }

    private static Set<String> names(List<RoleRepresentation> roles) {
        return roles.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
    }

    /**
     * A call that uses remembered realm roles: when Keycloak answers 404 (a remembered role went stale, or the user
     * went away between its lookup and the call), the roles are forgotten and the call made once more afresh.
     */
    private <T> T remembering(DirectoryRef identity, Function<RealmResource, T> work) {
        try {
            return call(work);
        } catch (NotFoundException stale) {
            forgetRemembered();
            return byRef(identity, work);
        }
    }

    /** A call for an identity named by its key: a 404 then means Keycloak has no user with that key (any more). */
    private <T> T byRef(DirectoryRef identity, Function<RealmResource, T> work) {
        try {
            return call(work);
        } catch (NotFoundException gone) {
            if (identity.id() == null) {
                throw gone;
            }
            throw notFound("user '" + identity.username() + "' with id " + identity.id());
        }
    }

    private void forgetRemembered() {
        realmRoles.clear();
    }

    private <T> T call(Function<RealmResource, T> work) {
        var client = admin();
        try {
            return work.apply(client.realm(settings.realm()));
        } catch (ProcessingException | NotAuthorizedException e) {
            reset(client);
            throw new DirectoryUnavailable("Keycloak at " + settings.url() + " cannot be reached: " + e.getMessage(), e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() >= 500) {
                reset(client);
                throw new DirectoryUnavailable("Keycloak at " + settings.url() + " failed: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private Keycloak admin() {
        var current = admin;
        if (current == null) {
            synchronized (this) {
                current = admin;
                if (current == null) {
                    current = KeycloakBuilder.builder()
                            .serverUrl(settings.url())
                            .realm(settings.adminRealm())
                            .clientId(settings.adminClientId())
                            .username(settings.adminUsername())
                            .password(settings.adminPassword())
                            .grantType("password")
                            .build();
                    admin = current;
                }
            }
        }
        return current;
    }

    /**
     * Forgets the admin session that failed, so the next call signs in afresh. It is not closed here: other
     * threads may be in the middle of calls on it (a closed client fails them with an error that is not an outage,
     * and their step would not be retried by itself); it is left to the garbage collector.
     */
    private synchronized void reset(Keycloak failed) {
        forgetRemembered();
        if (admin == failed) {
            admin = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}

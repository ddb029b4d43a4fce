package io.writ.workflow.keycloak;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entitlements as Keycloak holds them: a realm role or client role mapped to the user directly, or membership of a
 * group. Holding is judged by role name, unique in the realm (and in a client), so a remembered role whose id went
 * stale can never make a held role look absent (see {@link AdminSession} for what is remembered).
 */
@ApplicationScoped
public class KeycloakAssignments implements AccessAssignments {

    /** A client's own access-token lifespan in seconds, when it has one longer or shorter than the realm's. */
    private static final String CLIENT_LIFESPAN = "access.token.lifespan";
    /** How long the lifespans read are trusted: changing them is rare, and reading them is two calls. */
    private static final Duration LIFESPAN_REMEMBERED = Duration.ofMinutes(1);

    private record Lifespan(Duration longest, Instant readAt) {
    }

    @Inject
    AdminSession keycloak;

    Clock clock = Clock.systemUTC();

    private volatile Lifespan lifespan;

    @Override
    public Added grant(DirectoryRef identity, Entitlement entitlement) {
        // Added without asking first: Keycloak keeps one mapping however often it is added, so a retried grant
        // changes nothing (it only leaves one more admin event). Read back through the same user.
        return keycloak.remembering(identity, realm -> {
            var holding = holding(keycloak.user(realm, identity), entitlement, realm);
            holding.add();
            var addedAt = clock.instant();
            var held = holding.held();
            return new Added(addedAt, held, clock.instant());
        });
    }

    @Override
    public Removed revoke(DirectoryRef identity, Entitlement entitlement) {
        return keycloak.remembering(identity, realm -> {
            var holding = holding(keycloak.user(realm, identity), entitlement, realm);
            if (holding.held()) {
                holding.remove();
                var removedAt = clock.instant();
                var absent = !holding.held();
                return new Removed(Optional.of(removedAt), absent, clock.instant());
            }
            return new Removed(Optional.empty(), true, clock.instant());
        });
    }

    @Override
    public boolean holds(String username, Entitlement entitlement) {
        return keycloak.remembering(DirectoryRef.named(username),
                realm -> holding(keycloak.user(realm, username), entitlement, realm).held());
    }

    @Override
    public Set<String> holdersOf(Entitlement entitlement) {
        return keycloak.call(realm -> {
            var name = entitlement.name();
            // Keycloak's role members and group members are the direct ones: the same sense as holds().
            Pages.Reader<UserRepresentation> holders = switch (entitlement.kind()) {
                case REALM_ROLE -> {
                    var role = roleResource(realm.roles(), name, "realm role '" + name + "'");
                    yield (first, max) -> role.getUserMembers(true, first, max);
                }
                case CLIENT_ROLE -> {
                    var client = keycloak.client(realm, entitlement.clientId());
                    var role = roleResource(realm.clients().get(client.getId()).roles(), name,
                            "role '" + name + "' of client '" + entitlement.clientId() + "'");
                    yield (first, max) -> role.getUserMembers(true, first, max);
                }
                case GROUP -> {
                    var group = realm.groups().group(group(realm, name).getId());
                    yield (first, max) -> group.members(first, max, true);
                }
            };
            return Pages.all(holders).stream().map(UserRepresentation::getUsername)
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    @Override
    public Set<String> realmRolesOf(String username) {
        return keycloak.call(realm -> AdminSession.names(
                keycloak.user(realm, username).roles().realmLevel().listAll()));
    }

    @Override
    public LoggedOut logout(DirectoryRef identity) {
        return keycloak.byRef(identity, realm -> {
            var user = keycloak.user(realm, identity);
            var open = user.getUserSessions().size();
            // Ends every session and sets the user's not-before to now: Keycloak's introspection and refresh refuse
            // every token issued before it (offline tokens too).
            user.logout();
            var at = clock.instant();
            var notBefore = user.toRepresentation().getNotBefore();
            return new LoggedOut(open, at, notBefore == null || notBefore == 0 ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(notBefore)));
        });
    }

    @Override
    public Duration longestAccessToken() {
        var known = lifespan;
        if (known != null && clock.instant().isBefore(known.readAt().plus(LIFESPAN_REMEMBERED))) {
            return known.longest();
        }
        var longest = keycloak.call(realm -> {
            var realmLifespan = Optional.ofNullable(realm.toRepresentation().getAccessTokenLifespan()).orElse(300);
            int clients = realm.clients().findAll().stream()
                    .map(c -> c.getAttributes() == null ? null : c.getAttributes().get(CLIENT_LIFESPAN))
                    .filter(v -> v != null && v.matches("\\d+"))
                    .mapToInt(Integer::parseInt)
                    .max().orElse(0);
            return Duration.ofSeconds(Math.max(realmLifespan, clients));
        });
        lifespan = new Lifespan(longest, clock.instant());
        return longest;
    }

    /** An entitlement as the user holds it in Keycloak: a direct role mapping or a group membership. */
    private interface Holding {
        boolean held();

        void add();

        void remove();
    }

    private Holding holding(UserResource user, Entitlement entitlement, RealmResource realm) {
        var name = entitlement.name();
        return switch (entitlement.kind()) {
            case REALM_ROLE -> roleHolding(user.roles().realmLevel(), keycloak.realmRole(realm, name));
            case CLIENT_ROLE -> {
                var client = keycloak.client(realm, entitlement.clientId());
                var role = keycloak.role(realm.clients().get(client.getId()).roles(), name,
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
                return Pages.all((first, max) -> user.groups(first, max, true)).stream()
                        .anyMatch(g -> g.getId().equals(group.getId()));
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
        keycloak.role(roles, name, what);
        return roles.get(name);
    }

    /** A group entitlement names a top-level group, or a subgroup by its full path ("/ops/oncall-admins"). */
    private GroupRepresentation group(RealmResource realm, String nameOrPath) {
        try {
            return realm.getGroupByPath(nameOrPath.startsWith("/") ? nameOrPath : "/" + nameOrPath);
        } catch (NotFoundException e) {
            throw keycloak.notFound("group '" + nameOrPath + "'");
        }
    }
}

package io.writ.workflow.keycloak;

import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.NotInDirectory;
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
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The portal's one session with Keycloak's admin API, shared by the adapters of every port. It is made on first use;
 * when Keycloak cannot be reached or refuses the admin token (after a restart, say), the session is dropped and the
 * next call signs in afresh, so the directory recovers by itself when Keycloak comes back.
 * <p>
 * One thing Keycloak knows is remembered, because a grant spent as many calls looking it up as granting: a realm
 * role's representation by name. Keycloak checks it on every mapping call (a mapping names the role by name and id
 * and is refused with 404 when they no longer match), so a remembered role that went stale (a Keycloak re-imported
 * or edited by hand) shows as a 404: the roles are then forgotten and the call made once more with fresh lookups
 * ({@link #remembering}); any failure of Keycloak forgets them too. Users are looked up by username on every call, or
 * by the key a writ kept: a renamed user keeps its id, so a remembered id could point a grant at someone who no
 * longer has that name. Everything else (clients, groups, client roles) is looked up on every call too.
 * <p>
 * Something the directory does not know (user, role, client, group) is a configuration problem and gives
 * {@link NotInDirectory}; only an unreachable or failing Keycloak gives {@link DirectoryUnavailable}.
 */
@ApplicationScoped
public class AdminSession {

    static {
        // The admin client over Payara's Jersey, not its own RESTEasy: see docs/architecture.md, "Constraints of
        // the stack".
        Keycloak.setClientProvider(new JerseyClientProvider());
    }

    @Inject
    KeycloakSettings settings;

    private volatile Keycloak admin;

    /** Realm roles by name, as last looked up (see the class comment for when they are forgotten). */
    private final Map<String, RoleRepresentation> realmRoles = new ConcurrentHashMap<>();

    /**
     * The work done in the portal's realm: an unreachable Keycloak, a refused admin token or a failing Keycloak
     * (5xx) gives {@link DirectoryUnavailable} and drops the session; any other answer is thrown as it comes.
     */
    <T> T call(Function<RealmResource, T> work) {
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

    /**
     * A call that uses remembered realm roles: when Keycloak answers 404 (a remembered role went stale, or the user
     * went away between its lookup and the call), the roles are forgotten and the call made once more afresh.
     */
    <T> T remembering(DirectoryRef identity, Function<RealmResource, T> work) {
        try {
            return call(work);
        } catch (NotFoundException stale) {
            forgetRemembered();
            return byRef(identity, work);
        }
    }

    /** A call for an identity named by its key: a 404 then means Keycloak has no user with that key (any more). */
    <T> T byRef(DirectoryRef identity, Function<RealmResource, T> work) {
        try {
            return call(work);
        } catch (NotFoundException gone) {
            if (identity.id() == null) {
                throw gone;
            }
            throw notFound("user '" + identity.username() + "' with id " + identity.id());
        }
    }

    /** The realm role as last looked up, or looked up now (not inside the map's lock: it is a call to Keycloak). */
    RoleRepresentation realmRole(RealmResource realm, String name) {
        var known = realmRoles.get(name);
        if (known == null) {
            known = role(realm.roles(), name, "realm role '" + name + "'");
            realmRoles.put(name, known);
        }
        return known;
    }

    RoleRepresentation role(RolesResource roles, String name, String what) {
        try {
            return roles.get(name).toRepresentation();
        } catch (NotFoundException e) {
            throw notFound(what);
        }
    }

    ClientRepresentation client(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).stream()
                .filter(c -> c.getClientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> notFound("client '" + clientId + "'"));
    }

    /** Exact username; Keycloak's exact username search also finds service-account users (its free search does not). */
    static Optional<UserRepresentation> findUser(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(u -> u.getUsername().equalsIgnoreCase(username))
                .findFirst();
    }

    /**
     * By its key when known: no search, and no other account that took the name since. Keycloak answers 404 on the
     * first call for a key it does not know (see {@link #byRef}).
     */
    UserResource user(RealmResource realm, DirectoryRef identity) {
        return identity.id() == null ? user(realm, identity.username()) : realm.users().get(identity.id());
    }

    UserResource user(RealmResource realm, String username) {
        var found = findUser(realm, username).orElseThrow(() -> notFound("user '" + username + "'"));
        return realm.users().get(found.getId());
    }

    NotInDirectory notFound(String what) {
        return new NotInDirectory("No " + what + " in Keycloak realm '" + settings.realm() + "'");
    }

    static Set<String> names(List<RoleRepresentation> roles) {
        return roles.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
    }

    private void forgetRemembered() {
        realmRoles.clear();
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

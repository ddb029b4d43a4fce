package io.writ.workflow.keycloak;

import io.writ.domain.identity.DirectorySession;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.IdentityDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keycloak as the model's identity directory, through the admin client. The admin session is made on first use;
 * when Keycloak cannot be reached or refuses the admin token (after a restart, say), the session is dropped and
 * the next call signs in afresh, so the directory recovers by itself when Keycloak comes back.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    static {
        Keycloak.setClientProvider(new JerseyClientProvider());
    }

    @Inject
    KeycloakSettings settings;

    private volatile Keycloak admin;

    @Override
    public void verifyReachable() {
        call(realm -> realm.toRepresentation().getRealm());
    }

    @Override
    public Set<String> realmRolesOf(String username) {
        return call(realm -> user(realm, username).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .collect(Collectors.toSet()));
    }

    @Override
    public List<DirectorySession> sessionsOf(String username) {
        return call(realm -> user(realm, username).getUserSessions().stream()
                .map(s -> new DirectorySession(s.getId(), s.getUsername(), s.getIpAddress(),
                        Instant.ofEpochMilli(s.getStart()), Instant.ofEpochMilli(s.getLastAccess())))
                .toList());
    }

    private static UserResource user(RealmResource realm, String username) {
        var found = realm.users().searchByUsername(username, true);
        if (found.isEmpty()) {
            throw new NoSuchElementException("No user '" + username + "' in Keycloak");
        }
        return realm.users().get(found.get(0).getId());
    }

    private <T> T call(Function<RealmResource, T> work) {
        try {
            return work.apply(admin().realm(settings.realm()));
        } catch (ProcessingException | NotAuthorizedException e) {
            reset();
            throw new DirectoryUnavailable("Keycloak at " + settings.url() + " cannot be reached: " + e.getMessage(), e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() >= 500) {
                reset();
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

    private synchronized void reset() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }

    // TEMP-STUB until the keycloak-adapter branch lands
    @Override public java.util.Optional<io.writ.domain.identity.DirectoryIdentity> identity(String u) { throw new UnsupportedOperationException(); }
    @Override public void grant(String u, io.writ.domain.entitlement.Entitlement e) { throw new UnsupportedOperationException(); }
    @Override public void revoke(String u, io.writ.domain.entitlement.Entitlement e) { throw new UnsupportedOperationException(); }
    @Override public boolean holds(String u, io.writ.domain.entitlement.Entitlement e) { throw new UnsupportedOperationException(); }
    @Override public int logout(String u) { throw new UnsupportedOperationException(); }
}

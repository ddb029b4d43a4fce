package io.writ.workflow.keycloak;

import io.writ.domain.identity.NhiChange;
import io.writ.domain.identity.NhiChange.What;
import io.writ.domain.identity.NhiChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.keycloak.representations.idm.AdminEventRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keycloak's admin events that may change the NHI inventory (the realm records them: {@code adminEventsEnabled}):
 * clients made, changed, removed or given a new secret, users' realm role mappings, users changed or removed.
 */
@ApplicationScoped
public class KeycloakNhiChanges implements NhiChanges {

    private static final List<String> TYPES = List.of("CLIENT", "REALM_ROLE_MAPPING", "USER");

    @Inject
    AdminSession keycloak;

    @Override
    public List<NhiChange> between(Instant from, Instant to, int first, int max) {
        return keycloak.call(realm -> realm.getAdminEvents(null, null, null, null, null, null, TYPES,
                        from.toEpochMilli(), to.toEpochMilli(), first, max, "asc"))
                .stream()
                .map(KeycloakNhiChanges::change)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The event as a change the inventory may follow; empty for anything else (a group's role mappings, say). */
    static Optional<NhiChange> change(AdminEventRepresentation event) {
        var path = Objects.requireNonNullElse(event.getResourcePath(), "").split("/");
        if (event.getId() == null || path.length < 2) {
            return Optional.empty();
        }
        var at = Instant.ofEpochMilli(event.getTime());
        var type = Objects.requireNonNullElse(event.getResourceType(), "");
        if (type.equals("CLIENT") && path[0].equals("clients")) {
            return Optional.of(new NhiChange(event.getId(), at, What.CLIENT, path[1]));
        }
        if (type.equals("REALM_ROLE_MAPPING") && path[0].equals("users")) {
            return Optional.of(new NhiChange(event.getId(), at, What.USER_ROLES, path[1]));
        }
        if (type.equals("USER") && path[0].equals("users") && path.length == 2) {
            return Optional.of(new NhiChange(event.getId(), at, What.USER, path[1]));
        }
        return Optional.empty();
    }
}

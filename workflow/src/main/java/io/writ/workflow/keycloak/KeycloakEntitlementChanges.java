package io.writ.workflow.keycloak;

import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.identity.EntitlementChange;
import io.writ.domain.identity.EntitlementChange.Operation;
import io.writ.domain.identity.EntitlementChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.keycloak.representations.idm.AdminEventRepresentation;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak's admin events of users' role mappings and group memberships (the realm records them with their
 * representation: {@code adminEventsEnabled} and {@code adminEventsDetailsEnabled}), read in one call per page.
 */
@ApplicationScoped
public class KeycloakEntitlementChanges implements EntitlementChanges {

    private static final Map<String, EntitlementKind> KINDS = Map.of(
            "REALM_ROLE_MAPPING", EntitlementKind.REALM_ROLE,
            "CLIENT_ROLE_MAPPING", EntitlementKind.CLIENT_ROLE,
            "GROUP_MEMBERSHIP", EntitlementKind.GROUP);

    @Inject
    AdminSession keycloak;

    @Override
    public List<EntitlementChange> between(Instant from, Instant to, int first, int max) {
        return keycloak.call(realm -> realm.getAdminEvents(List.of("CREATE", "DELETE"), null, null, null, null,
                        "users/*", List.copyOf(KINDS.keySet()), from.toEpochMilli(), to.toEpochMilli(), first, max,
                        "asc"))
                .stream()
                .map(KeycloakEntitlementChanges::change)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The event as a change of a user's entitlements; empty for anything else (a group's own role mappings). */
    static Optional<EntitlementChange> change(AdminEventRepresentation event) {
        var kind = KINDS.get(event.getResourceType());
        var path = Objects.requireNonNullElse(event.getResourcePath(), "").split("/");
        if (kind == null || path.length < 3 || !"users".equals(path[0]) || event.getId() == null) {
            return Optional.empty();
        }
        var operation = "CREATE".equals(event.getOperationType()) ? Operation.ADDED : Operation.REMOVED;
        var auth = event.getAuthDetails();
        var actor = auth == null ? null : "user " + auth.getUserId() + " of realm " + auth.getRealmId()
                + " through client " + auth.getClientId() + (auth.getIpAddress() == null ? "" : " from "
                + auth.getIpAddress());
        return Optional.of(new EntitlementChange(event.getId(), Instant.ofEpochMilli(event.getTime()), operation,
                path[1], kind, names(event.getRepresentation()), actor));
    }

    /** The roles' names (a role mapping's representation is a list of roles), or the group's name and path. */
    static Set<String> names(String representation) {
        var names = new HashSet<String>();
        if (representation == null || representation.isBlank()) {
            return names;
        }
        try (var reader = Json.createReader(new StringReader(representation))) {
            var value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                        .forEach(v -> addNames(v.asJsonObject(), names));
            } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                addNames(value.asJsonObject(), names);
            }
        } catch (JsonException | IllegalStateException unreadable) {
            // a representation Keycloak did not keep whole: the change names nothing, and corroborates nothing
        }
        return names;
    }

    private static void addNames(JsonObject entity, Set<String> names) {
        for (var field : List.of("name", "path")) {
            if (entity.get(field) instanceof jakarta.json.JsonString text) {
                names.add(text.getString());
            }
        }
    }
}

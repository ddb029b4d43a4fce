package io.writ.domain.identity;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The identity provider's own record of an entitlement given or taken away (Keycloak's admin event): its id, when the
 * provider recorded it, whose account (by the provider's key) and which entitlements, and which account acted. It is
 * what corroborates a writ's grant and revocation, and what shows an entitlement put back behind Writ's back.
 *
 * @param names the roles' names, or the group's name and path
 * @param actor the acting account as the provider names it (its realm, client and user)
 */
public record EntitlementChange(String eventId, Instant at, Operation operation, String userId, EntitlementKind kind,
                                Set<String> names, String actor) {

    /** What was done to the identity's entitlements. */
    public enum Operation { ADDED, REMOVED }

    public EntitlementChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        names = Set.copyOf(names);
    }

    /** Whether it changed this entitlement of the identity with that key. */
    public boolean isOf(String identityId, Entitlement entitlement) {
        if (identityId == null || !identityId.equals(userId) || kind != entitlement.kind()) {
            return false;
        }
        var name = entitlement.name();
        return names.contains(name) || kind == EntitlementKind.GROUP
                && names.contains(name.startsWith("/") ? name : "/" + name);
    }
}

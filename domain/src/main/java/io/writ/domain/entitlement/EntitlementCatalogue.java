package io.writ.domain.entitlement;

import io.writ.domain.NotFound;

import java.util.List;
import java.util.Optional;

/** The entitlements that can be asked for (a repository port; the adapter keeps them in the database). */
public interface EntitlementCatalogue {

    /** Every entitlement, ordered by name. */
    List<Entitlement> all();

    Optional<Entitlement> named(String name);

    /**
     * The entitlement of that name, or {@link NotFound}: the one rule for a name that is not (or no longer) in the
     * catalogue, whoever asks (a person: 404; a process step: an incident until it is back).
     */
    default Entitlement require(String name) {
        return named(name).orElseThrow(() -> new NotFound("no entitlement " + name + " in the catalogue"));
    }

    /** Keeps a new entitlement (changes to one already kept are saved with the transaction). */
    void add(Entitlement entitlement);

    /** The names of the catalogue's realm-role entitlements: the privileged roles an NHI may hold standing. */
    default java.util.Set<String> realmRoleNames() {
        return all().stream().filter(e -> e.kind() == EntitlementKind.REALM_ROLE).map(Entitlement::name)
                .collect(java.util.stream.Collectors.toSet());
    }
}

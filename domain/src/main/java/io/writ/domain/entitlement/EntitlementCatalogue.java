package io.writ.domain.entitlement;

import java.util.List;
import java.util.Optional;

/** The entitlements that can be asked for (a repository port; the adapter keeps them in the database). */
public interface EntitlementCatalogue {

    /** Every entitlement, ordered by name. */
    List<Entitlement> all();

    Optional<Entitlement> named(String name);

    /** Keeps a new entitlement (changes to one already kept are saved with the transaction). */
    void add(Entitlement entitlement);
}

package io.writ.domain.nhi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writ's own record of the non-human identities: kept from the identity provider by reconciliation and its change
 * events, read by everyone else without asking the provider.
 */
public interface NhiInventory {

    Optional<InventoriedNhi> find(String clientId);

    /** The NHI whose client has that id in the identity provider. */
    Optional<InventoriedNhi> withKeycloakId(String keycloakId);

    /** The NHIs whose service accounts have these user ids in the identity provider. */
    List<InventoriedNhi> withIdentityIds(Collection<String> identityIds);

    /** The NHIs whose service accounts are these usernames. */
    List<InventoriedNhi> withIdentities(Collection<String> identities);

    /** The NHIs whose owners have these user ids in the identity provider. */
    List<InventoriedNhi> withOwnerIds(Collection<String> ownerIds);

    /** The NHIs nobody has been accountable for since before that moment, that hold a privileged role standing. */
    List<InventoriedNhi> unownedBefore(Instant moment);

    /** Every NHI kept, by client id (for a reconciliation, a review campaign, the evidence). */
    Map<String, InventoriedNhi> all();

    /** Keeps this state of the NHI, replacing what was kept of it. */
    void keep(InventoriedNhi nhi);

    /** Keeps these states, replacing what was kept of them, in one go. */
    void keepAll(Collection<InventoriedNhi> nhis);

    /** Forgets the NHI (its client is gone from the identity provider). */
    void forget(String clientId);

    /** One page of the NHIs the query selects, in its order, with how many it selects in all. */
    NhiPage page(NhiQuery query, Duration maxSecretAge, Instant now);
}

package io.writ.domain.nhi;

import io.writ.domain.identity.DirectoryClient;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the NHI inventory keeps of one non-human identity, as Keycloak last said and Writ's writs and sessions add:
 * everything its findings follow from, so a look at the inventory asks nobody. Findings that depend on the time (a
 * secret's age) are judged when it is looked at ({@link #assess}); the others are kept with it.
 *
 * @param keycloakId      the client's id in the identity provider (its admin events name it)
 * @param identityId      the service account's user id in the identity provider (its role mapping events name it)
 * @param ownerId         the owner's user id in the identity provider (its user events name it); null when none
 * @param privilegedRoles the catalogue's realm-role entitlements the service account holds directly
 * @param standingRoles   of those, the ones no active writ of the NHI accounts for: standing privilege
 * @param lastUsedAt      the latest session activity recorded for the identity; null when none is
 * @param unownedSince    since when nobody has been accountable for it (no owner, or the owner disabled or gone), as
 *                        far as the inventory saw; null while somebody is
 * @param keptAt          when this state was read from the identity provider
 */
public record InventoriedNhi(String clientId, String keycloakId, String identity, String identityId,
                             boolean enabled, String owner, String ownerId, boolean ownerEnabled,
                             Instant secretMadeAt,
                             Set<String> privilegedRoles, Set<String> standingRoles, Instant lastUsedAt,
                             Instant unownedSince, Instant keptAt) {

    public InventoriedNhi {
        Objects.requireNonNull(clientId, "clientId");
        privilegedRoles = Set.copyOf(new TreeSet<>(privilegedRoles));
        standingRoles = Set.copyOf(new TreeSet<>(standingRoles));
    }

    /**
     * The NHI as the identity provider describes it now, with what Writ knows beside it.
     *
     * @param privileged the names of the catalogue's realm-role entitlements
     * @param heldByWrit entitlements the identity holds right now through an active writ (not standing)
     */
    public static InventoriedNhi of(DirectoryClient client, Set<String> privileged, Set<String> heldByWrit,
                                    Optional<Instant> lastUsedAt, Instant now) {
        var held = new TreeSet<String>();
        client.realmRoles().stream().filter(privileged::contains).forEach(held::add);
        var standing = new TreeSet<String>(held);
        standing.removeAll(heldByWrit);
        var accountable = client.owner() != null && client.ownerEnabled();
        return new InventoriedNhi(client.clientId(), client.keycloakId(), client.serviceAccount(),
                client.serviceAccountId(), client.enabled(), client.owner(), client.ownerId(), client.ownerEnabled(),
                client.secretCreatedAt(), held, standing, lastUsedAt.orElse(null), accountable ? null : now, now);
    }

    /** Whether somebody is accountable for it: an owner who exists and is enabled. */
    public boolean owned() {
        return owner != null && ownerEnabled;
    }

    /** This state after the earlier one: unowned since when the earlier already was (it has stayed so since). */
    public InventoriedNhi after(InventoriedNhi earlier) {
        if (earlier == null || owned() || earlier.unownedSince == null) {
            return this;
        }
        return new InventoriedNhi(clientId, keycloakId, identity, identityId, enabled, owner, ownerId, ownerEnabled,
                secretMadeAt, privilegedRoles, standingRoles, lastUsedAt, earlier.unownedSince, keptAt);
    }

    /** The findings and figures of this NHI at that moment, under the rotation policy. */
    public Nhi assess(java.time.Duration maxSecretAge, Instant now) {
        return Nhi.assess(this, maxSecretAge, now);
    }

    /**
     * Whether the other state says the same of the NHI as the identity provider and the writs see it: when each was
     * read, and the last use (Writ's own sessions), aside.
     */
    public boolean sameAs(InventoriedNhi other) {
        return other != null && withKeptAt(Instant.EPOCH).withLastUse(null)
                .equals(other.withKeptAt(Instant.EPOCH).withLastUse(null));
    }

    /** The same state, with another moment of reading. */
    public InventoriedNhi withKeptAt(Instant at) {
        return new InventoriedNhi(clientId, keycloakId, identity, identityId, enabled, owner, ownerId, ownerEnabled,
                secretMadeAt, privilegedRoles, standingRoles, lastUsedAt, unownedSince, at);
    }

    /** The same NHI with its last use as recorded now. */
    public InventoriedNhi withLastUse(Instant at) {
        return new InventoriedNhi(clientId, keycloakId, identity, identityId, enabled, owner, ownerId, ownerEnabled,
                secretMadeAt, privilegedRoles, standingRoles, at, unownedSince, keptAt);
    }

    /** What changed from the earlier state, in words, for the record of a reconciliation. */
    public String changesFrom(InventoriedNhi earlier) {
        var changes = new java.util.ArrayList<String>();
        if (!Objects.equals(owner, earlier.owner) || ownerEnabled != earlier.ownerEnabled) {
            changes.add("owner " + describeOwner(earlier) + " → " + describeOwner(this));
        }
        if (!Objects.equals(secretMadeAt, earlier.secretMadeAt)) {
            changes.add("secret made " + earlier.secretMadeAt + " → " + secretMadeAt);
        }
        if (!privilegedRoles.equals(earlier.privilegedRoles) || !standingRoles.equals(earlier.standingRoles)) {
            changes.add("privileged roles " + new TreeSet<>(earlier.privilegedRoles) + " → "
                    + new TreeSet<>(privilegedRoles));
        }
        if (enabled != earlier.enabled) {
            changes.add(enabled ? "enabled" : "disabled");
        }
        if (!Objects.equals(identity, earlier.identity) || !Objects.equals(keycloakId, earlier.keycloakId)) {
            changes.add("identity " + earlier.identity + " → " + identity);
        }
        return changes.isEmpty() ? "nothing" : String.join(", ", changes);
    }

    private static String describeOwner(InventoriedNhi nhi) {
        return nhi.owner == null ? "none" : nhi.owner + (nhi.ownerEnabled ? "" : " (disabled)");
    }
}

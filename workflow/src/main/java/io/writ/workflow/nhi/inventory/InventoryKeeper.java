package io.writ.workflow.nhi.inventory;

import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.NhiChange;
import io.writ.domain.identity.NhiChange.What;
import io.writ.domain.identity.NhiChanges;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.identity.NhiClients.ServiceAccount;
import io.writ.domain.nhi.InventoriedNhi;
import io.writ.domain.nhi.NhiInventory;
import io.writ.domain.nhi.NhisWithoutOwner;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.persistence.SharedLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps the NHI inventory as Keycloak says it is. A reconciliation reads the whole realm (in pages: see
 * {@link NhiClients#nonHumanIdentities}) and corrects every difference, recording what it corrected; between
 * reconciliations, Keycloak's admin events say which clients, service accounts and owners changed, and only those are
 * read again. Outside any transaction: Keycloak is read first, then the inventory written in one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class InventoryKeeper {

    private static final Logger LOG = Logger.getLogger(InventoryKeeper.class.getName());

    /** Admin events read per call. */
    static final int CHANGES_PER_READ = 500;

    @Inject
    NhiClients clients;

    @Inject
    NhiChanges changes;

    @Inject
    NhiInventory inventory;

    @Inject
    InventoryRecords records;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    WritRepository writs;

    @Inject
    SessionRepository sessions;

    @Inject
    SharedLocks locks;

    @Inject
    AccessAssignments assignments;

    @Inject
    Event<NhisWithoutOwner> ownerGone;

    Clock clock = Clock.systemUTC();

    /**
     * Reads the whole realm and corrects whatever the inventory keeps differently. Keycloak is read without holding
     * anything; the comparison and the corrections hold the inventory's lock (as following a change does), and an
     * NHI kept anew or forgotten while Keycloak was being read (a change followed meanwhile: at 50,000 NHIs the
     * reading takes minutes) is left as it is: what was followed is newer than the reading.
     */
    public Reconciliation reconcile() {
        var started = clock.instant();
        var known = new HashMap<String, ServiceAccount>();
        var keptAtStart = inventory.all();
        keptAtStart.values().forEach(n -> known.put(n.keycloakId(), new ServiceAccount(n.identity(),
                n.identityId())));
        var privileged = catalogue.realmRoleNames();
        var read = clients.nonHumanIdentities(known, privileged);
        var took = Duration.between(started, clock.instant());
        var byWrit = writs.active().stream().collect(Collectors.groupingBy(Writ::target,
                Collectors.mapping(Writ::entitlement, Collectors.toSet())));
        var lastUse = sessions.lastActivitySince(Instant.EPOCH);
        var now = clock.instant();
        var states = read.stream().map(c -> InventoriedNhi.of(c, privileged,
                byWrit.getOrDefault(c.serviceAccount(), Set.of()), Optional.ofNullable(lastUse.get(c.serviceAccount())),
                now)).toList();
        var found = locks.whileHolding(InventorySchedule.WRITES, () -> {
            var kept = new HashMap<>(inventory.all());
            var newer = kept.values().stream().filter(n -> n.keptAt().isAfter(started)).map(InventoriedNhi::clientId)
                    .collect(Collectors.toSet()); // followed while Keycloak was read: newer than this reading
            keptAtStart.keySet().stream().filter(clientId -> !kept.containsKey(clientId))
                    .forEach(newer::add); // forgotten meanwhile: Keycloak said it was gone after this reading saw it
            kept.keySet().removeAll(newer);
            var fresh = states.stream().filter(n -> !newer.contains(n.clientId()))
                    .map(n -> n.after(kept.get(n.clientId()))).toList();
            var result = Reconciliation.of(fresh, kept, took);
            var used = fresh.stream().filter(n -> n.sameAs(kept.get(n.clientId()))
                    && !Objects.equals(n.lastUsedAt(), kept.get(n.clientId()).lastUsedAt())).toList();
            records.correct(result, used, now);
            return result;
        });
        LOG.info(() -> "NHI inventory " + found.summary() + "; kept in "
                + Duration.between(now, clock.instant()).toMillis() + " ms");
        return found;
    }

    /**
     * Follows what Keycloak recorded from {@code from} up to {@code to}, and the sessions used since then; returns how
     * many NHIs it read again.
     */
    public int follow(Instant from, Instant to) {
        var recorded = new ArrayList<NhiChange>();
        List<NhiChange> page;
        do {
            page = changes.between(from, to, recorded.size(), CHANGES_PER_READ);
            recorded.addAll(page);
        } while (page.size() == CHANGES_PER_READ);
        var clientIds = new LinkedHashSet<String>();
        var roleHolders = new LinkedHashSet<String>();
        var users = new LinkedHashSet<String>();
        for (var change : recorded) {
            (change.what() == What.CLIENT ? clientIds : change.what() == What.USER_ROLES ? roleHolders : users)
                    .add(change.resourceId());
        }
        inventory.withIdentityIds(roleHolders).forEach(n -> clientIds.add(n.keycloakId()));
        inventory.withOwnerIds(users).forEach(n -> clientIds.add(n.keycloakId()));
        var unowned = new ArrayList<String>();
        for (var id : clientIds) {
            readAgain(id, "Keycloak recorded a change of it, of its service account or of its owner")
                    .ifPresent(unowned::add);
        }
        if (!unowned.isEmpty()) {
            ownerGone.fire(new NhisWithoutOwner(unowned, "Keycloak recorded their owner's change or removal"));
        }
        var used = sessions.lastActivitySince(from);
        if (!used.isEmpty()) {
            locks.whileHolding(InventorySchedule.WRITES, () -> {
                records.used(inventory.withIdentities(used.keySet()).stream()
                        .map(n -> n.withLastUse(used.get(n.identity()))).toList());
                return null;
            });
        }
        return clientIds.size();
    }

    /**
     * Reads one NHI from Keycloak again (its client's id there) and keeps what it says; forgets it if gone. Returns
     * its client id when it has just lost its accountable owner.
     */
    public Optional<String> readAgain(String keycloakId, String because) {
        var now = clock.instant();
        var read = clients.nonHumanIdentityWithId(keycloakId);
        var state = read.map(client -> state(client, now));
        return locks.whileHolding(InventorySchedule.WRITES, () -> {
            var before = inventory.withKeycloakId(keycloakId);
            if (state.isPresent()) {
                records.follow(state.get().after(before.orElse(null)), before.orElse(null), because);
                return before.filter(InventoriedNhi::owned).filter(was -> !state.get().owned())
                        .map(InventoriedNhi::clientId);
            }
            before.ifPresent(gone -> records.forget(gone, now, because + "; Keycloak no longer has it as an NHI"));
            return Optional.<String>empty();
        });
    }

    /**
     * Fail-closed ownership: an NHI nobody has been accountable for (no owner, or the owner disabled or gone) for
     * longer than {@code maxUnowned} loses the privileged roles it holds standing; each removal is read back in
     * Keycloak and recorded. Returns how many roles were removed.
     */
    public int removeStandingRolesOfUnowned(Duration maxUnowned) {
        var now = clock.instant();
        int removed = 0;
        for (var nhi : inventory.unownedBefore(now.minus(maxUnowned))) {
            for (var role : nhi.standingRoles()) {
                var entitlement = catalogue.named(role);
                if (entitlement.isEmpty()) {
                    continue;
                }
                if (!assignments.revoke(DirectoryRef.named(nhi.identity()), entitlement.get()).absent()) {
                    LOG.warning(() -> "Keycloak still shows " + role + " for " + nhi.identity()
                            + " after removing it; tried again on the next round");
                    continue;
                }
                records.removedUnowned(nhi, role, maxUnowned, clock.instant());
                removed++;
            }
            readAgain(nhi.keycloakId(), "its standing privileged roles were removed: nobody owns it");
        }
        return removed;
    }

    /** One NHI as Keycloak says it is right now (a decision acting on it reads it so, not from the inventory). */
    public Optional<InventoriedNhi> current(String clientId) {
        return clients.nonHumanIdentity(clientId).map(client -> state(client, clock.instant()));
    }

    private InventoriedNhi state(DirectoryClient client, Instant now) {
        var byWrit = writs.activeFor(client.serviceAccount()).stream().map(Writ::entitlement)
                .collect(Collectors.toSet());
        return InventoriedNhi.of(client, catalogue.realmRoleNames(), byWrit,
                sessions.lastActivityOf(client.serviceAccount()), now);
    }
}

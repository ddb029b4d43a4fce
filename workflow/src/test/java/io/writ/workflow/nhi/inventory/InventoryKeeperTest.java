package io.writ.workflow.nhi.inventory;

import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.AccessAssignments.Removed;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.NhiChange;
import io.writ.domain.identity.NhiChanges;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.nhi.InventoriedNhi;
import io.writ.domain.nhi.NhiInventory;
import io.writ.domain.nhi.NhiPage;
import io.writ.domain.nhi.NhiQuery;
import io.writ.domain.nhi.NhisWithoutOwner;
import io.writ.domain.session.SessionRepository;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeWrits;
import io.writ.workflow.fakes.Recorded;
import io.writ.workflow.persistence.SharedLocks;
import jakarta.enterprise.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The inventory kept from Keycloak: a reconciliation adds, corrects and forgets, and records what it corrected;
 * followed changes read only what they concern and tell when NHIs lose their owner; NHIs nobody has owned for longer
 * than policy lose their standing privileged roles.
 */
class InventoryKeeperTest {

    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    private final Keycloak keycloak = new Keycloak();
    private final Kept kept = new Kept();
    private final Recorded recorded = new Recorded();
    private final List<NhiChange> changes = new ArrayList<>();
    private final InventoryKeeper keeper = new InventoryKeeper();
    @SuppressWarnings("unchecked")
    private final Event<NhisWithoutOwner> ownerGone = mock(Event.class);
    private Instant now;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        keeper.clients = keycloak;
        keeper.changes = (from, to, first, max) -> first > 0 ? List.of() : List.copyOf(changes);
        keeper.inventory = kept;
        keeper.records = new InventoryRecords();
        keeper.records.inventory = kept;
        keeper.records.audit = recorded.audit;
        keeper.catalogue = new DemoCatalogue();
        keeper.writs = new FakeWrits(e -> { });
        keeper.sessions = mock(SessionRepository.class);
        when(keeper.sessions.lastActivitySince(any())).thenReturn(Map.of());
        when(keeper.sessions.lastActivityOf(anyString())).thenReturn(Optional.empty());
        keeper.locks = mock(SharedLocks.class);
        when(keeper.locks.whileHolding(anyString(), any())).thenAnswer(call ->
                ((Supplier<Object>) call.getArgument(1)).get());
        keeper.assignments = mock(AccessAssignments.class);
        when(keeper.assignments.revoke(any(), any())).thenReturn(new Removed(Optional.of(START), true, START));
        keeper.ownerGone = ownerGone;
        at(START);
        keycloak.put(client("ci-deployer", "alice", true, Set.of()));
        keycloak.put(client("batch-job", "bob", true, Set.of("prod-db-admin")));
    }

    @Test
    void theFirstReconciliationAddsEveryNhiAndASecondFindsNothingToCorrect() {
        var first = keeper.reconcile();

        assertThat(first.added()).extracting(InventoriedNhi::clientId)
                .containsExactlyInAnyOrder("ci-deployer", "batch-job");
        assertThat(kept.find("batch-job")).get().extracting(InventoriedNhi::standingRoles)
                .isEqualTo(Set.of("prod-db-admin"));
        assertThat(recorded.actionsAbout("nhi:inventory")).containsExactly("nhi.inventory-corrected");

        at(now.plusSeconds(60));
        var second = keeper.reconcile();
        assertThat(second.differences()).isZero();
        assertThat(recorded.actionsAbout("nhi:inventory")).as("nothing corrected, nothing recorded").hasSize(1);
    }

    @Test
    void whatKeycloakSaysWinsAndTheCorrectionIsRecorded() {
        keeper.reconcile();
        keycloak.put(client("ci-deployer", "alice", false, Set.of()));
        keycloak.remove("batch-job");
        at(now.plusSeconds(60));

        var found = keeper.reconcile();

        assertThat(found.changed()).extracting(InventoriedNhi::clientId).containsExactly("ci-deployer");
        assertThat(found.removed()).containsExactly("batch-job");
        assertThat(kept.find("ci-deployer")).get().extracting(InventoriedNhi::ownerEnabled).isEqualTo(false);
        assertThat(kept.find("batch-job")).isEmpty();
        assertThat(recorded.audit.about("nhi:inventory")).last().satisfies(entry -> assertThat(entry.detail())
                .contains("1 corrected (ci-deployer: owner alice → alice (disabled))").contains("1 removed (batch-job)"));
    }

    @Test
    void anNhiRemovedWhileTheRealmIsBeingReadIsNotPutBackByThatReading() {
        keeper.reconcile();
        at(now.plusSeconds(60));
        // The realm's pages are read (batch-job still in them), then Keycloak removes batch-job and the removal is
        // followed, before the reading is compared with the inventory.
        keycloak.whileReading = () -> {
            keycloak.remove("batch-job");
            changes.add(new NhiChange("e-1", now, NhiChange.What.CLIENT, "kc-batch-job"));
            keeper.follow(START, now);
        };

        var found = keeper.reconcile();

        assertThat(kept.find("batch-job")).as("gone, as followed").isEmpty();
        assertThat(found.added()).isEmpty();
        assertThat(found.differences()).isZero();
    }

    @Test
    void aFollowedChangeOfAnOwnerReadsTheirNhisAgainAndAsksForTheirReassignment() {
        keeper.reconcile();
        keycloak.put(client("ci-deployer", "alice", false, Set.of()));
        changes.add(new NhiChange("e-1", now, NhiChange.What.USER, "id-alice"));
        changes.add(new NhiChange("e-2", now, NhiChange.What.USER_ROLES, "id-someone-else"));
        at(now.plusSeconds(5));

        var readAgain = keeper.follow(START, now);

        assertThat(readAgain).as("only the NHI its owner's change concerns").isEqualTo(1);
        assertThat(kept.find("ci-deployer")).get().satisfies(n -> {
            assertThat(n.owned()).isFalse();
            assertThat(n.unownedSince()).isEqualTo(now);
        });
        assertThat(recorded.actionsAbout("nhi:ci-deployer")).containsExactly("nhi.inventory-followed");
        verify(ownerGone).fire(eq(new NhisWithoutOwner(List.of("ci-deployer"),
                "Keycloak recorded their owner's change or removal")));
    }

    @Test
    void anNhiNobodyOwnedForLongerThanPolicyLosesItsStandingRolesAndAShorterOneKeepsThem() {
        keycloak.put(client("batch-job", null, false, Set.of("prod-db-admin")));
        keycloak.put(client("young-orphan", null, false, Set.of("prod-db-admin")));
        keeper.reconcile();
        at(now.plus(Duration.ofDays(20)));
        keycloak.remove("young-orphan");
        keeper.reconcile(); // young-orphan forgotten, batch-job still unowned since START
        keycloak.put(client("young-orphan", null, false, Set.of("prod-db-admin")));
        keeper.reconcile(); // back, unowned since now
        at(now.plus(Duration.ofDays(11)));

        var removed = keeper.removeStandingRolesOfUnowned(Duration.ofDays(30));

        assertThat(removed).isEqualTo(1);
        verify(keeper.assignments).revoke(eq(DirectoryRef.named("service-account-batch-job")), any());
        verify(keeper.assignments, never()).revoke(eq(DirectoryRef.named("service-account-young-orphan")), any());
        assertThat(recorded.audit.about("nhi:batch-job")).extracting(e -> e.action())
                .contains("nhi.standing-role-removed");
        assertThat(recorded.audit.about("nhi:batch-job")).filteredOn(e -> e.action().equals("nhi.standing-role-removed"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("prod-db-admin")
                        .contains("since " + START).contains("policy: 30 days"));
    }

    /** The keeper's clock stands at that moment from now on. */
    private void at(Instant moment) {
        now = moment;
        keeper.clock = Clock.fixed(moment, ZoneOffset.UTC);
    }

    private static DirectoryClient client(String clientId, String owner, boolean ownerEnabled, Set<String> roles) {
        return new DirectoryClient(clientId, "kc-" + clientId, "service-account-" + clientId, "id-sa-" + clientId, true,
                owner, owner == null ? null : "id-" + owner, ownerEnabled, START, roles);
    }

    /** Keycloak's clients as a test sets them. */
    private static final class Keycloak implements NhiClients {
        private final Map<String, DirectoryClient> clients = new LinkedHashMap<>();
        /** What happens in Keycloak and the portal after the pages were read (once). */
        private Runnable whileReading = () -> { };

        void put(DirectoryClient client) {
            clients.put(client.clientId(), client);
        }

        void remove(String clientId) {
            clients.remove(clientId);
        }

        @Override
        public List<DirectoryClient> nonHumanIdentities(Map<String, ServiceAccount> known, Set<String> roles) {
            var read = List.copyOf(clients.values());
            whileReading.run();
            whileReading = () -> { };
            return read;
        }

        @Override
        public Optional<DirectoryClient> nonHumanIdentity(String clientId) {
            return Optional.ofNullable(clients.get(clientId));
        }

        @Override
        public Optional<DirectoryClient> nonHumanIdentityWithId(String keycloakId) {
            return clients.values().stream().filter(c -> c.keycloakId().equals(keycloakId)).findFirst();
        }

        @Override
        public void regenerateSecret(String clientId) {
        }
    }

    /** The inventory in memory (its pages are the database's business: JpaNhiInventoryTest). */
    private static final class Kept implements NhiInventory {
        private final Map<String, InventoriedNhi> nhis = new TreeMap<>();

        @Override
        public Optional<InventoriedNhi> find(String clientId) {
            return Optional.ofNullable(nhis.get(clientId));
        }

        @Override
        public Optional<InventoriedNhi> withKeycloakId(String keycloakId) {
            return nhis.values().stream().filter(n -> n.keycloakId().equals(keycloakId)).findFirst();
        }

        @Override
        public List<InventoriedNhi> withIdentityIds(Collection<String> ids) {
            return nhis.values().stream().filter(n -> ids.contains(n.identityId())).toList();
        }

        @Override
        public List<InventoriedNhi> withIdentities(Collection<String> identities) {
            return nhis.values().stream().filter(n -> identities.contains(n.identity())).toList();
        }

        @Override
        public List<InventoriedNhi> withOwnerIds(Collection<String> ids) {
            return nhis.values().stream().filter(n -> ids.contains(n.ownerId())).toList();
        }

        @Override
        public List<InventoriedNhi> unownedBefore(Instant moment) {
            return nhis.values().stream().filter(n -> n.unownedSince() != null && n.unownedSince().isBefore(moment)
                    && !n.standingRoles().isEmpty()).toList();
        }

        @Override
        public Map<String, InventoriedNhi> all() {
            return new LinkedHashMap<>(nhis);
        }

        @Override
        public void keep(InventoriedNhi nhi) {
            nhis.put(nhi.clientId(), nhi);
        }

        @Override
        public void keepAll(Collection<InventoriedNhi> all) {
            all.forEach(this::keep);
        }

        @Override
        public void forget(String clientId) {
            nhis.remove(clientId);
        }

        @Override
        public NhiPage page(NhiQuery query, Duration maxSecretAge, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}

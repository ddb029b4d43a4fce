package io.writ.workflow.persistence;

import io.writ.domain.InvalidRequest;
import io.writ.domain.nhi.InventoriedNhi;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.nhi.NhiFinding;
import io.writ.domain.nhi.NhiQuery;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NHI inventory on a real database: each filter selects what the finding's rule in Nhi.assess says, pages are
 * ordered and counted, and a reconciliation's batch replaces what was kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaNhiInventoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration POLICY = Duration.ofDays(90);

    private final EntityManagerFactory factory;
    private final JpaNhiInventory inventory = new JpaNhiInventory();
    private final List<InventoriedNhi> kept = new ArrayList<>();

    JpaNhiInventoryTest() {
        factory = Persistence.createEntityManagerFactory("mapping",
                Map.of("jakarta.persistence.nonJtaDataSource", TestDatabase.migrated()));
        inventory.em = factory.createEntityManager();
    }

    @BeforeAll
    void keepAFewHundred() {
        for (int i = 0; i < 300; i++) {
            var owner = i % 10 == 0 ? null : "owner-" + (i % 7);
            var ownerEnabled = i % 10 != 0 && i % 11 != 0;
            var secretMade = i % 13 == 0 ? null : NOW.minus(Duration.ofDays(i));
            var standing = i % 17 == 0 ? Set.of("prod-db-admin") : Set.<String>of();
            var lastUse = i % 2 == 0 ? NOW.minus(Duration.ofDays(i % 50)) : null;
            kept.add(new InventoriedNhi("nhi-%03d".formatted(i), "kc-" + i, "service-account-nhi-" + i, "user-" + i,
                    true, owner, owner == null ? null : "id-" + owner, ownerEnabled, secretMade, standing, standing,
                    lastUse, owner != null && ownerEnabled ? null : NOW.minus(Duration.ofDays(i % 40)), NOW));
        }
        inventory.em.getTransaction().begin();
        inventory.keepAll(kept);
        inventory.em.getTransaction().commit();
        inventory.em.clear();
    }

    @AfterAll
    void close() {
        inventory.em.close();
        factory.close();
    }

    @Test
    void eachFindingFilterSelectsExactlyTheNhisThatHaveTheFindingAndCountsThem() {
        for (var finding : NhiFinding.values()) {
            var expected = kept.stream().map(n -> n.assess(POLICY, NOW)).filter(n -> n.findings().contains(finding))
                    .map(Nhi::clientId).sorted().toList();
            var page = inventory.page(query(null, finding.name(), null, null, null, null, 0, 500), POLICY, NOW);

            assertThat(page.nhis()).as(finding.name()).extracting(Nhi::clientId).containsExactlyElementsOf(expected);
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(expected).as("the data has some of each").isNotEmpty();
        }
    }

    @Test
    void filtersCombineAndPagesAreOrderedAndCounted() {
        var owner3 = inventory.page(query("owner-3", null, null, null, null, "clientId", 0, 5), POLICY, NOW);
        var expected = kept.stream().filter(n -> "owner-3".equals(n.owner())).map(InventoriedNhi::clientId).sorted()
                .toList();
        assertThat(owner3.total()).isEqualTo(expected.size());
        assertThat(owner3.nhis()).extracting(Nhi::clientId).containsExactlyElementsOf(expected.subList(0, 5));
        var second = inventory.page(query("owner-3", null, null, null, null, "clientId", 1, 5), POLICY, NOW);
        assertThat(second.nhis()).extracting(Nhi::clientId).containsExactlyElementsOf(expected.subList(5, 10));

        var standing = inventory.page(query(null, null, "prod-db-admin", null, null, null, 0, 500), POLICY, NOW);
        assertThat(standing.nhis()).allSatisfy(n -> assertThat(n.privilegedRoles()).containsExactly("prod-db-admin"))
                .hasSize((int) kept.stream().filter(n -> !n.standingRoles().isEmpty()).count());
        assertThat(inventory.page(query(null, null, "prod-db", null, null, null, 0, 500), POLICY, NOW).total())
                .as("a role is matched whole, not by a part of its name").isZero();

        var oldSecrets = inventory.page(query(null, null, null, 200, null, "-secretAge", 0, 500), POLICY, NOW);
        assertThat(oldSecrets.nhis()).allSatisfy(n -> assertThat(n.secretAgeDays().orElse(Long.MAX_VALUE))
                .isGreaterThan(200));
        assertThat(oldSecrets.nhis().get(0).secretAge()).as("unknown ages come with the oldest").isEmpty();

        var unused = inventory.page(query(null, null, null, null, 30, "lastUsed", 0, 500), POLICY, NOW);
        assertThat(unused.nhis()).allSatisfy(n -> assertThat(n.lastUsedAt().map(at -> at.isBefore(NOW.minus(
                Duration.ofDays(30)))).orElse(true)).isTrue());
        assertThat(unused.total()).isEqualTo(kept.stream().filter(n -> n.lastUsedAt() == null
                || n.lastUsedAt().isBefore(NOW.minus(Duration.ofDays(30)))).count());
    }

    @Test
    void badFiltersAreRefusedWithTheirFields() {
        assertThatThrownBy(() -> query(null, "NOT_A_FINDING", null, -1, null, "size", -1, 501))
                .isInstanceOfSatisfying(InvalidRequest.class, bad -> assertThat(bad.errors())
                        .extracting(e -> e.field())
                        .containsExactlyInAnyOrder("finding", "sort", "secretOlderThanDays", "page", "size"));
    }

    @Test
    void aKeptNhiIsFoundByItsIdsAndReplacedOrForgotten() {
        var one = kept.get(42);
        assertThat(inventory.withKeycloakId("kc-42")).contains(one);
        assertThat(inventory.withIdentityIds(List.of("user-42", "user-43", "no-such"))).extracting(
                InventoriedNhi::clientId).containsExactlyInAnyOrder("nhi-042", "nhi-043");
        assertThat(inventory.withIdentities(List.of("service-account-nhi-42"))).containsExactly(one);
        assertThat(inventory.withOwnerIds(List.of("id-owner-0"))).allSatisfy(n ->
                assertThat(n.owner()).isEqualTo("owner-0")).isNotEmpty();

        var disowned = new InventoriedNhi("nhi-999", "kc-999", "service-account-nhi-999", "user-999", true, null, null,
                false, NOW, Set.of(), Set.of(), null, NOW, NOW);
        inventory.em.getTransaction().begin();
        inventory.keep(disowned);
        inventory.keep(disowned.withLastUse(NOW));
        inventory.em.getTransaction().commit();
        assertThat(inventory.find("nhi-999")).contains(disowned.withLastUse(NOW));

        inventory.em.getTransaction().begin();
        inventory.forget("nhi-999");
        inventory.em.getTransaction().commit();
        assertThat(inventory.find("nhi-999")).isEmpty();
        assertThat(inventory.all()).hasSize(300);
        assertThat(inventory.unownedBefore(NOW.minus(Duration.ofDays(30)))).as("unowned 30+ days, holding a role "
                + "standing").extracting(InventoriedNhi::clientId).containsExactlyInAnyOrderElementsOf(kept.stream()
                .filter(n -> n.unownedSince() != null && n.unownedSince().isBefore(NOW.minus(Duration.ofDays(30)))
                        && !n.standingRoles().isEmpty()).map(InventoriedNhi::clientId).toList());
    }

    private static NhiQuery query(String owner, String finding, String role, Integer secretDays, Integer unusedDays,
                                  String sort, Integer page, Integer size) {
        return NhiQuery.of(owner, finding, role, secretDays, unusedDays, sort, page, size);
    }
}

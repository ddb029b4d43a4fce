package io.writ.domain.nhi;

import io.writ.domain.identity.DirectoryClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NhiTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final Duration POLICY = Duration.ofDays(90);
    private static final Set<String> PRIVILEGED = Set.of("prod-db-admin", "billing-read");

    private static Nhi assess(String owner, boolean ownerEnabled, Instant secretMade, Set<String> roles,
                              Set<String> byWrit) {
        var client = new DirectoryClient("ci-deployer", "kc-1", "service-account-ci-deployer", "user-1", true, owner,
                owner == null ? null : "user-" + owner, ownerEnabled, secretMade, roles);
        return InventoriedNhi.of(client, PRIVILEGED, byWrit, Optional.empty(), NOW).assess(POLICY, NOW);
    }

    @Test
    void anOwnedRecentlyRotatedNhiWithoutStandingPrivilegeHasNoFinding() {
        var nhi = assess("alice", true, NOW.minus(Duration.ofDays(10)), Set.of("requester"), Set.of());

        assertThat(nhi.findings()).isEmpty();
        assertThat(nhi.secretAgeDays()).contains(10L);
    }

    @Test
    void noOwnerOrADisabledOwnerIsAFinding() {
        assertThat(assess(null, false, NOW, Set.of(), Set.of()).findings()).containsExactly(NhiFinding.NO_OWNER);
        assertThat(assess("gone", false, NOW, Set.of(), Set.of()).findings())
                .containsExactly(NhiFinding.OWNER_DISABLED);
    }

    @Test
    void aPrivilegedRoleHeldStandingIsAFindingButNotOneHeldThroughAWrit() {
        var standing = assess("alice", true, NOW, Set.of("prod-db-admin", "requester"), Set.of());
        var byWrit = assess("alice", true, NOW, Set.of("prod-db-admin"), Set.of("prod-db-admin"));

        assertThat(standing.findings()).containsExactly(NhiFinding.STANDING_PRIVILEGED_ROLE);
        assertThat(standing.privilegedRoles()).containsExactly("prod-db-admin");
        assertThat(byWrit.findings()).isEmpty();
    }

    @Test
    void aSecretOlderThanPolicyOrOfUnknownAgeIsAFindingOfItsOwnAndBothAskForRotation() {
        var old = assess("alice", true, NOW.minus(Duration.ofDays(91)), Set.of(), Set.of());
        var unknown = assess("alice", true, null, Set.of(), Set.of());
        var fresh = assess("alice", true, NOW.minus(Duration.ofDays(89)), Set.of(), Set.of());

        assertThat(old.findings()).containsExactly(NhiFinding.SECRET_OLDER_THAN_POLICY);
        assertThat(unknown.findings()).as("not called older than policy: nobody knows")
                .containsExactly(NhiFinding.SECRET_AGE_UNKNOWN);
        assertThat(old.secretDueForRotation()).isTrue();
        assertThat(unknown.secretDueForRotation()).isTrue();
        assertThat(fresh.secretDueForRotation()).isFalse();
    }

    @Test
    void theInventorySaysWhatChangedAndALastUseAloneIsNoChange() {
        var client = new DirectoryClient("ci-deployer", "kc-1", "service-account-ci-deployer", "user-1", true, "alice",
                "user-alice", true, NOW, Set.of("prod-db-admin"));
        var kept = InventoriedNhi.of(client, PRIVILEGED, Set.of(), Optional.empty(), NOW);
        var used = kept.withLastUse(NOW.plusSeconds(60)).withKeptAt(NOW.plusSeconds(90));
        var disowned = InventoriedNhi.of(new DirectoryClient("ci-deployer", "kc-1", "service-account-ci-deployer",
                "user-1", true, "alice", "user-alice", false, NOW, Set.of()), PRIVILEGED, Set.of(), Optional.empty(), NOW);

        assertThat(used.sameAs(kept)).isTrue();
        assertThat(disowned.sameAs(kept)).isFalse();
        assertThat(disowned.changesFrom(kept)).contains("owner alice → alice (disabled)")
                .contains("privileged roles [prod-db-admin] → []");
        assertThat(kept.standingRoles()).containsExactly("prod-db-admin");
    }
}

package io.writ.web.it;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.Contact;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.identity.IdentityKind;
import io.writ.domain.identity.LoginRecords;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.identity.NotInDirectory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.Set;

import static io.writ.domain.identity.DirectoryRef.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Keycloak adapter inside the running portal against the real test Keycloak: what it says about identities,
 * and that grants, revocations and logouts really happen there. Whatever a test adds to Keycloak it takes away
 * again, so the demo realm is as imported for the other tests.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class IdentityDirectoryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWithTestRunner();
    }

    @Inject
    IdentityDirectory directory;

    @Inject
    AccessAssignments assignments;

    @Inject
    NhiClients nhiClients;

    @Inject
    LoginRecords loginRecords;

    private final Entitlement billingRead = entitlement("billing-read", EntitlementKind.REALM_ROLE, null);

    @Test
    void aRealmRoleIsGrantedAndRevokedOnceHoweverOftenItIsAsked() {
        try {
            assertThat(assignments.grant(named("bob"), billingRead).held()).as("read back held").isTrue();
            assertThat(assignments.holds("bob", billingRead)).isTrue();
            assertThat(assignments.realmRolesOf("bob")).contains("billing-read", "approver");

            assertThat(assignments.grant(named("bob"), billingRead).held()).as("read back held").isTrue();
            assertThat(assignments.holds("bob", billingRead)).as("held once after a repeated grant").isTrue();

            assertThat(assignments.revoke(named("bob"), billingRead).absent()).as("read back absent").isTrue();
            assertThat(assignments.holds("bob", billingRead)).isFalse();
            assertThat(assignments.realmRolesOf("bob")).doesNotContain("billing-read").contains("approver");

            assertThat(assignments.revoke(named("bob"), billingRead).absent()).as("read back absent").isTrue();
            assertThat(assignments.holds("bob", billingRead)).as("a repeated revocation is harmless").isFalse();
        } finally {
            assignments.revoke(named("bob"), billingRead);
        }
    }

    @Test
    void aGroupEntitlementIsAMembership() {
        var oncallAdmins = entitlement("oncall-admins", EntitlementKind.GROUP, null);
        KeycloakAdmin.createGroup("oncall-admins");
        try {
            assertThat(assignments.holds("bob", oncallAdmins)).isFalse();

            assignments.grant(named("bob"), oncallAdmins);
            assertThat(assignments.grant(named("bob"), oncallAdmins).held()).as("read back held").isTrue();
            assertThat(assignments.holds("bob", oncallAdmins)).isTrue();
            assertThat(directory.identity("bob")).get().extracting(i -> i.isIn("oncall-admins")).isEqualTo(true);

            assertThat(assignments.revoke(named("bob"), oncallAdmins).absent()).as("read back absent").isTrue();
            assignments.revoke(named("bob"), oncallAdmins);
            assertThat(assignments.holds("bob", oncallAdmins)).isFalse();
        } finally {
            KeycloakAdmin.deleteGroup("oncall-admins");
        }
    }

    @Test
    void aClientRoleEntitlementIsARoleOfThatClient() {
        var deployProd = entitlement("deploy-prod", EntitlementKind.CLIENT_ROLE, "writ-cli");
        KeycloakAdmin.createClientRole("writ-cli", "deploy-prod");
        try {
            assertThat(assignments.grant(named("bob"), deployProd).held()).as("read back held").isTrue();
            assignments.grant(named("bob"), deployProd);
            assertThat(assignments.holds("bob", deployProd)).isTrue();
            assertThat(assignments.realmRolesOf("bob")).as("a client role is no realm role")
                    .doesNotContain("deploy-prod");

            assertThat(assignments.revoke(named("bob"), deployProd).absent()).as("read back absent").isTrue();
            assignments.revoke(named("bob"), deployProd);
            assertThat(assignments.holds("bob", deployProd)).isFalse();
        } finally {
            KeycloakAdmin.deleteClientRole("writ-cli", "deploy-prod");
        }
    }

    @Test
    void theHoldersOfARealmRoleAreThoseItIsMappedToDirectlyUntilItIsRemoved() {
        KeycloakAdmin.createUser("holly", Map.of());
        try {
            assertThat(assignments.holdersOf(billingRead)).doesNotContain("holly");

            KeycloakAdmin.assignRealmRole("holly", "billing-read");
            assertThat(assignments.holdersOf(billingRead)).contains("holly");

            KeycloakAdmin.unassignRealmRole("holly", "billing-read");
            assertThat(assignments.holdersOf(billingRead)).as("a revoked role is no longer held")
                    .doesNotContain("holly");
        } finally {
            KeycloakAdmin.deleteUser("holly");
        }
    }

    @Test
    void theHoldersOfARoleIncludeServiceAccountsAndOfAGroupItsMembers() {
        var requester = entitlement("requester", EntitlementKind.REALM_ROLE, null);
        assertThat(assignments.holdersOf(requester))
                .contains("alice", "frank", "service-account-ci-deployer").doesNotContain("bob");
        var oncallAdmins = entitlement("oncall-admins", EntitlementKind.GROUP, null);
        KeycloakAdmin.createGroup("oncall-admins");
        try {
            assertThat(assignments.holdersOf(oncallAdmins)).isEmpty();
            KeycloakAdmin.addToGroup("carol", "oncall-admins");
            assertThat(assignments.holdersOf(oncallAdmins)).containsExactly("carol");
        } finally {
            KeycloakAdmin.deleteGroup("oncall-admins");
        }
        assertThatThrownBy(() -> assignments.holdersOf(entitlement("no-such-role", EntitlementKind.REALM_ROLE, null)))
                .isInstanceOf(NotInDirectory.class).hasMessageContaining("no-such-role");
    }

    @Test
    void logoutEndsTheUsersSessionsAndTheirRefreshTokensStopWorking() {
        var refreshToken = KeycloakTokens.refreshTokenForUser("carol", "carol");
        assertThat(loginRecords.sessionsOf("carol")).isNotEmpty();

        assertThat(assignments.logout(named("carol")).sessions()).isGreaterThanOrEqualTo(1);

        assertThat(loginRecords.sessionsOf("carol")).isEmpty();
        assertThat(KeycloakTokens.refreshes(refreshToken)).as("the old refresh token still works").isFalse();
        assertThat(assignments.logout(named("carol")).sessions()).as("nothing left to end").isZero();
    }

    @Test
    void anNhiIsKnownAsTheServiceAccountOfItsClientWithItsOwner() {
        // Keycloak's exact username search finds service-account users (its free-text search does not).
        var ciDeployer = directory.identity("service-account-ci-deployer").orElseThrow();

        assertThat(ciDeployer.kind()).isEqualTo(IdentityKind.NON_HUMAN);
        assertThat(ciDeployer.clientId()).isEqualTo("ci-deployer");
        assertThat(ciDeployer.owner()).isEqualTo("alice");
        assertThat(ciDeployer.enabled()).isTrue();
        assertThat(ciDeployer.thirdParty()).isFalse();
        assertThat(ciDeployer.isIn("requester")).isTrue();
    }

    @Test
    void oneNhiIsFoundByItsClientIdOrItsIdAsTheWholeRealmsReadingListsIt() {
        var one = nhiClients.nonHumanIdentity("ci-deployer").orElseThrow();
        var listed = nhiClients.nonHumanIdentities(Map.of(), one.realmRoles()).stream()
                .filter(c -> c.clientId().equals("ci-deployer")).findFirst().orElseThrow();
        var known = Map.of(one.keycloakId(), new NhiClients.ServiceAccount(one.serviceAccount(),
                one.serviceAccountId()));
        var listedAgain = nhiClients.nonHumanIdentities(known, Set.of("prod-db-admin")).stream()
                .filter(c -> c.clientId().equals("ci-deployer")).findFirst().orElseThrow();

        assertThat(listed).isEqualTo(one);
        assertThat(listedAgain).as("its service account known, and no role of its asked about")
                .isEqualTo(new DirectoryClient(one.clientId(), one.keycloakId(), one.serviceAccount(),
                        one.serviceAccountId(), one.enabled(), one.owner(), one.ownerId(), one.ownerEnabled(),
                        one.secretCreatedAt(), Set.of()));
        assertThat(nhiClients.nonHumanIdentityWithId(one.keycloakId())).contains(one);
        assertThat(nhiClients.nonHumanIdentityWithId("no-such-id")).isEmpty();
        assertThat(one.owner()).isEqualTo("alice");
        assertThat(one.ownerId()).isNotNull();
        assertThat(one.realmRoles()).contains("requester");
        assertThat(one.serviceAccount()).isEqualTo("service-account-ci-deployer");
        assertThat(nhiClients.nonHumanIdentity("account")).as("a client without a service account").isEmpty();
        assertThat(nhiClients.nonHumanIdentity("no-such-client")).isEmpty();
    }

    @Test
    void aPersonIsKnownWithTheirRolesAndNoClient() {
        var alice = directory.identity("alice").orElseThrow();

        assertThat(alice).extracting(DirectoryIdentity::username, DirectoryIdentity::enabled,
                        DirectoryIdentity::kind, DirectoryIdentity::clientId, DirectoryIdentity::owner,
                        DirectoryIdentity::thirdParty)
                .containsExactly("alice", true, IdentityKind.PERSON, null, null, false);
        assertThat(alice.isIn("requester")).isTrue();
        assertThat(alice.isIn("approver")).isFalse();
        assertThat(directory.identity("nobody-by-this-name")).isEmpty();
    }

    @Test
    void aPersonNamedLikeAServiceAccountIsStillAPerson() {
        KeycloakAdmin.createUser("service-account-writ-cli", Map.of());
        try {
            assertThat(directory.identity("service-account-writ-cli")).get()
                    .extracting(DirectoryIdentity::kind).isEqualTo(IdentityKind.PERSON);
        } finally {
            KeycloakAdmin.deleteUser("service-account-writ-cli");
        }
    }

    @Test
    void aThirdPartyAdministratorIsMarkedByAttributeOrByGroup() {
        var groupWasThere = KeycloakAdmin.groupExists("third-party");
        KeycloakAdmin.createUser("tina", Map.of("writ.third-party", "true"));
        KeycloakAdmin.createUser("tom", Map.of());
        try {
            if (!groupWasThere) {
                KeycloakAdmin.createGroup("third-party");
            }
            KeycloakAdmin.addToGroup("tom", "third-party");

            assertThat(directory.identity("tina")).get().extracting(DirectoryIdentity::thirdParty).isEqualTo(true);
            assertThat(directory.identity("tom")).get().extracting(DirectoryIdentity::thirdParty).isEqualTo(true);
            assertThat(directory.identity("bob")).get().extracting(DirectoryIdentity::thirdParty).isEqualTo(false);
        } finally {
            KeycloakAdmin.deleteUser("tina");
            KeycloakAdmin.deleteUser("tom");
            if (!groupWasThere) {
                KeycloakAdmin.deleteGroup("third-party");
            }
        }
    }

    @Test
    void theMembersOfARealmRoleAreItsHoldersWithTheirAddresses() {
        var approvers = directory.membersOf("approver");

        assertThat(approvers).extracting(Contact::username).contains("bob", "carol", "frank")
                .doesNotContain("alice", "dave").doesNotHaveDuplicates();
        assertThat(approvers).filteredOn(c -> c.username().equals("bob")).extracting(Contact::email)
                .containsExactly("bob@writ.example");
        assertThat(directory.membersOf("no-such-role-or-group")).isEmpty();
    }

    @Test
    void theMembersOfAGroupIncludeThoseOfItsSubgroupsAndOfGroupsCarryingARoleButNotTheDisabled() {
        KeycloakAdmin.createGroup("notice-testers");
        KeycloakAdmin.createUser("nora", Map.of());
        KeycloakAdmin.createUser("ned", Map.of());
        try {
            KeycloakAdmin.addToGroup("nora", "notice-testers");
            KeycloakAdmin.addToGroup("ned", "notice-testers");
            KeycloakAdmin.disableUser("ned");
            KeycloakAdmin.createSubgroup("notice-testers", "night-shift");
            KeycloakAdmin.createUser("nina", Map.of());
            KeycloakAdmin.addToGroup("nina", "notice-testers/night-shift");

            assertThat(directory.membersOf("notice-testers")).extracting(Contact::username)
                    .containsExactlyInAnyOrder("nora", "nina");
            assertThat(directory.membersOf("notice-testers")).extracting(Contact::email)
                    .contains("nora@writ.example");

            KeycloakAdmin.giveGroupRealmRole("notice-testers", "approver");
            assertThat(directory.membersOf("approver")).extracting(Contact::username)
                    .contains("bob", "nora", "nina").doesNotContain("ned");
        } finally {
            KeycloakAdmin.deleteUser("nora");
            KeycloakAdmin.deleteUser("ned");
            KeycloakAdmin.deleteUser("nina");
            KeycloakAdmin.deleteGroup("notice-testers");
        }
    }

    @Test
    void aPersonsContactIsTheirAddressInKeycloak() {
        assertThat(directory.contact("alice")).contains(new Contact("alice", "alice@writ.example"));
        assertThat(directory.contact("service-account-ci-deployer")).get().extracting(Contact::email).isNull();
        assertThat(directory.contact("nobody-by-this-name")).isEmpty();
    }

    @Test
    void aGrantByKeyReachesTheAccountItWasForAndNeverALaterOneThatTookItsName() {
        KeycloakAdmin.createUser("reused-name", Map.of());
        try {
            var account = directory.identity("reused-name").orElseThrow();
            var approvedFor = new DirectoryRef(account.id(), account.username());
            assertThat(approvedFor.id()).isNotBlank();
            assertThat(assignments.grant(approvedFor, billingRead).held()).as("granted by key and read back").isTrue();
            assertThat(assignments.holds("reused-name", billingRead)).isTrue();
            assertThat(assignments.revoke(approvedFor, billingRead).absent()).as("revoked by key and read back").isTrue();
            assertThat(assignments.logout(approvedFor).sessions()).isZero();

            // The account goes; another person is given the same username before the writ's grant runs.
            KeycloakAdmin.deleteUser("reused-name");
            KeycloakAdmin.createUser("reused-name", Map.of());
            assertThatThrownBy(() -> assignments.grant(approvedFor, billingRead))
                    .isInstanceOf(NotInDirectory.class).hasMessageContaining(approvedFor.id());
            assertThat(assignments.holds("reused-name", billingRead)).as("nothing for the newcomer").isFalse();
        } finally {
            KeycloakAdmin.deleteUser("reused-name");
        }
    }

    @Test
    void whatKeycloakDoesNotKnowIsAConfigurationProblemNotAnOutage() {
        assertThatThrownBy(() -> assignments.grant(named("nobody-by-this-name"), billingRead))
                .isInstanceOf(NotInDirectory.class).hasMessageContaining("nobody-by-this-name");
        var noSuchRole = entitlement("no-such-role", EntitlementKind.REALM_ROLE, null);
        assertThatThrownBy(() -> assignments.grant(named("bob"), noSuchRole))
                .isInstanceOf(NotInDirectory.class).hasMessageContaining("no-such-role");
        var noSuchGroup = entitlement("no-such-group", EntitlementKind.GROUP, null);
        assertThatThrownBy(() -> assignments.revoke(named("bob"), noSuchGroup))
                .isInstanceOf(NotInDirectory.class).hasMessageContaining("no-such-group");
        var roleOfUnknownClient = entitlement("x", EntitlementKind.CLIENT_ROLE, "no-such-client");
        assertThatThrownBy(() -> assignments.holds("bob", roleOfUnknownClient))
                .isInstanceOf(NotInDirectory.class).hasMessageContaining("no-such-client");
        assertThatThrownBy(() -> assignments.logout(named("nobody-by-this-name")))
                .isInstanceOf(NotInDirectory.class);
    }

    private static Entitlement entitlement(String name, EntitlementKind kind, String clientId) {
        return new Entitlement(name, kind, clientId, RiskTier.LOW, 60, 1, "approver", 90, "alice");
    }
}

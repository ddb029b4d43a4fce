package io.writ.workflow.sessions;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryLogin;
import io.writ.domain.identity.DirectorySession;
import io.writ.domain.identity.LoginRecords;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionSource;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.WritRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * One look of the Keycloak session watch, with Keycloak and the database stood in for: logins are judged once per
 * person (a look after a start reads an hour of logins back), and sessions under active writs are recorded first.
 */
class KeycloakSessionWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    private final KeycloakSessionWatch watch = new KeycloakSessionWatch();
    private final List<Entitlement> catalogue = List.of(entitlement("prod-db-admin", EntitlementKind.REALM_ROLE),
            entitlement("payments-operator", EntitlementKind.REALM_ROLE),
            entitlement("billing-read", EntitlementKind.REALM_ROLE), entitlement("oncall-admins", EntitlementKind.GROUP));

    @BeforeEach
    void standIns() {
        watch.loginRecords = mock(LoginRecords.class);
        watch.assignments = mock(AccessAssignments.class);
        watch.writs = mock(WritRepository.class);
        watch.catalogue = mock(EntitlementCatalogue.class);
        watch.evidence = mock(SessionEvidence.class);
        watch.pollSeconds = 10;
        when(watch.catalogue.all()).thenReturn(catalogue);
        when(watch.writs.grantedTo(anyString(), anyInt())).thenReturn(List.of());
        when(watch.writs.activeFor(anyString())).thenReturn(List.of());
        when(watch.writs.active()).thenReturn(List.of());
        when(watch.evidence.ingest(any(), eq(SessionSource.KEYCLOAK)))
                .thenReturn(new SessionEvidence.Ingested(0, 0, List.of()));
    }

    @Test
    void manyLoginsOfFewPeopleAskKeycloakForEachPersonsRealmRolesOnceAndForGroupsOneByOne() {
        var logins = new ArrayList<DirectoryLogin>();
        for (int i = 0; i < 300; i++) {
            var who = i % 2 == 0 ? "bob" : "dave";
            logins.add(new DirectoryLogin("login-" + i, who, "session-" + i, NOW.plusMillis(i), "10.0.0.1", "writ-cli"));
        }
        when(watch.loginRecords.loginsSince(any(), anyInt())).thenReturn(logins);
        when(watch.assignments.realmRolesOf("bob")).thenReturn(Set.of("requester", "billing-read")); // standing
        when(watch.assignments.realmRolesOf("dave")).thenReturn(Set.of("requester", "security"));

        watch.look();

        var recorded = recorded(1).get(0);
        assertThat(recorded).hasSize(150).allMatch(e -> e.identity().equals("bob"));
        assertThat(recorded).allMatch(e -> e.eventId().startsWith("keycloak-login:"));
        verify(watch.assignments, times(1)).realmRolesOf("bob");
        verify(watch.assignments, times(1)).realmRolesOf("dave");
        verify(watch.assignments, never()).holds(eq("bob"), any()); // a realm role settled it
        verify(watch.assignments, times(1)).holds("dave", catalogue.get(3)); // the group, asked on its own
        verify(watch.writs, times(2)).activeFor(anyString());
        verify(watch.catalogue, times(1)).all();
    }

    @Test
    void sessionsUnderActiveWritsAreRecordedBeforeTheLoginsAreJudged() {
        var writ = activeWrit("writ-1", NOW); // made before, not inside, the stubbing below
        when(watch.writs.active()).thenReturn(List.of(writ));
        when(watch.loginRecords.sessionsOf("alice")).thenReturn(List.of(
                new DirectorySession("kc-1", "alice", "10.0.0.2", NOW.minusSeconds(60), NOW.plusSeconds(5)),
                new DirectorySession("kc-0", "alice", "10.0.0.2", NOW.minusSeconds(600), NOW.minusSeconds(300))));
        when(watch.loginRecords.loginsSince(any(), anyInt())).thenReturn(List.of(
                new DirectoryLogin("login-1", "erin", "s", NOW, "10.0.0.3", "writ-cli")));
        when(watch.assignments.holds(eq("erin"), any())).thenReturn(true);

        watch.look();

        var calls = recorded(2);
        assertThat(calls.get(0)).singleElement().satisfies(used -> {
            assertThat(used.eventId()).isEqualTo("keycloak-session:kc-1:writ-1");
            assertThat(used.at()).as("counted from the grant").isEqualTo(NOW);
        });
        assertThat(calls.get(1)).singleElement().extracting(ReportedEvent::identity).isEqualTo("erin");
    }

    @Test
    void aSessionUsedInTheSecondOfTheGrantCountsThoughKeycloakKeepsWholeSeconds() {
        var grantedAt = NOW.plusMillis(700);
        var writ = activeWrit("writ-2", grantedAt);
        when(watch.writs.active()).thenReturn(List.of(writ));
        // Signed in 200 ms after the grant; Keycloak reports the session's start and last use as NOW (whole second).
        when(watch.loginRecords.sessionsOf("alice")).thenReturn(List.of(
                new DirectorySession("kc-2", "alice", "10.0.0.2", NOW, NOW)));
        when(watch.loginRecords.loginsSince(any(), anyInt())).thenReturn(List.of());

        watch.look();

        assertThat(recorded(1).get(0)).singleElement().satisfies(used -> {
            assertThat(used.eventId()).isEqualTo("keycloak-session:kc-2:writ-2");
            assertThat(used.at()).isEqualTo(grantedAt);
        });
    }

    @Test
    void aSessionUnderTwoActiveWritsIsReportedUnderTheNewestFirst() {
        var older = activeWrit("writ-old", NOW.minusSeconds(600));
        var newer = activeWrit("writ-new", NOW.plusMillis(700));
        when(watch.writs.active()).thenReturn(List.of(older, newer)); // the repository's order: oldest first
        when(watch.loginRecords.sessionsOf("alice")).thenReturn(List.of(
                new DirectorySession("kc-3", "alice", "10.0.0.2", NOW, NOW)));
        when(watch.loginRecords.loginsSince(any(), anyInt())).thenReturn(List.of());

        watch.look();

        assertThat(recorded(1).get(0)).extracting(ReportedEvent::eventId)
                .containsExactly("keycloak-session:kc-3:writ-new", "keycloak-session:kc-3:writ-old");
    }

    @Test
    void aBacklogOfLoginsIsReadPageByPageInOneLookAndTheNextLookStartsAfterIt() {
        var since = Instant.now().minusSeconds(1800); // within the hour a started watch reads back
        var fullPage = logins(since, 0, KeycloakSessionWatch.LOGINS_PER_READ);
        var rest = logins(since, KeycloakSessionWatch.LOGINS_PER_READ, 120);
        when(watch.loginRecords.loginsSince(any(), anyInt())).thenReturn(fullPage, rest, List.of());
        when(watch.assignments.realmRolesOf("bob")).thenReturn(Set.of("prod-db-admin")); // standing, no writ

        watch.look();

        ArgumentCaptor<Instant> from = ArgumentCaptor.forClass(Instant.class);
        verify(watch.loginRecords, times(2)).loginsSince(from.capture(), eq(KeycloakSessionWatch.LOGINS_PER_READ));
        assertThat(from.getAllValues().get(1)).as("the second page starts at the first's newest login")
                .isEqualTo(fullPage.get(fullPage.size() - 1).at());
        assertThat(recorded(2)).extracting(List::size).containsExactly(KeycloakSessionWatch.LOGINS_PER_READ, 120);

        watch.look();

        verify(watch.loginRecords, times(3)).loginsSince(from.capture(), anyInt());
        assertThat(from.getValue()).as("the next look starts after the backlog").isEqualTo(rest.get(119).at());
    }

    private static List<DirectoryLogin> logins(Instant since, int from, int count) {
        var logins = new ArrayList<DirectoryLogin>();
        for (int i = from; i < from + count; i++) {
            logins.add(new DirectoryLogin("login-" + i, "bob", "session-" + i, since.plusMillis(i), "10.0.0.1",
                    "writ-cli"));
        }
        return logins;
    }

    private static Entitlement entitlement(String name, EntitlementKind kind) {
        return new Entitlement(name, kind, null, RiskTier.HIGH, 60, 1, "approver", 90, "alice");
    }

    private static Writ activeWrit(String id, Instant grantedAt) {
        var writ = mock(Writ.class);
        when(writ.id()).thenReturn(id);
        when(writ.target()).thenReturn("alice");
        var grant = mock(Grant.class);
        when(grant.grantedAt()).thenReturn(grantedAt);
        when(writ.grant()).thenReturn(Optional.of(grant));
        return writ;
    }

    @SuppressWarnings("unchecked")
    private List<List<ReportedEvent>> recorded(int calls) {
        ArgumentCaptor<SortedMap<Integer, ReportedEvent>> captor = ArgumentCaptor.forClass(SortedMap.class);
        verify(watch.evidence, times(calls)).ingest(captor.capture(), eq(SessionSource.KEYCLOAK));
        return captor.getAllValues().stream().map(m -> List.copyOf(m.values())).toList();
    }
}

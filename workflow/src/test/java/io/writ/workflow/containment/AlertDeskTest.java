package io.writ.workflow.containment;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.workflow.containment.process.ContainmentProcess;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeKeycloak;
import io.writ.workflow.fakes.Recorded;
import io.writ.workflow.nhi.NhiDesks;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritParts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Containment on fakes: what is an NHI, whose secret is replaced, is the directory's word, never the name's. */
class AlertDeskTest {

    private final Recorded recorded = new Recorded();
    private final FakeKeycloak keycloak = new FakeKeycloak().person("alice", "requester").nhi("ci-deployer", "alice")
            .person("service-account-deployer", "requester"); // a person, whatever the name says
    private final AlertDesk desk = new AlertDesk();
    private final HashMap<String, Alert> alerts = new HashMap<>();

    AlertDeskTest() {
        var clock = Clock.fixed(at(30), ZoneOffset.UTC);
        var catalogue = new DemoCatalogue();
        desk.alerts = mock(AlertRepository.class);
        when(desk.alerts.byId(any())).thenAnswer(call -> Optional.ofNullable(alerts.get(call.<String>getArgument(0))));
        desk.writDesk = mock(WritDesk.class);
        desk.directory = keycloak;
        desk.assignments = keycloak;
        desk.audit = recorded.audit;
        desk.process = mock(ContainmentProcess.class);
        desk.nhis = NhiDesks.on(keycloak, recorded.audit, clock);
        desk.clock = clock;
    }

    @Test
    void containingAnNhisAlertReplacesItsClientsSecret() {
        var alert = raised("service-account-ci-deployer");

        desk.contain(alert.id(), "dave");
        verify(desk.process).start(alert, true);
        desk.rotateSecret(alert.id());

        assertThat(keycloak.secretsRegenerated("ci-deployer")).isEqualTo(1);
    }

    @Test
    void containingAPersonsAlertRotatesNoSecretWhateverTheirName() {
        var alert = raised("service-account-deployer");

        desk.contain(alert.id(), "dave");

        verify(desk.process).start(eq(alert), eq(false));
        assertThatThrownBy(() -> desk.rotateSecret(alert.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not (any more) the service account of a client");
        assertThat(keycloak.nonHumanIdentities(Map.of(), Set.of())).allSatisfy(client ->
                assertThat(keycloak.secretsRegenerated(client.clientId())).isZero());
        assertThat(recorded.actionsAbout("alert:" + alert.id())).containsExactly("alert.containment-started");
    }

    private Alert raised(String identity) {
        var alert = Alert.raise(AlertRule.UNLINKED_PRIVILEGED_SESSION, identity, null, null, "s-1", "e-1",
                identity + " SESSION_START with no active writ", at(29));
        alerts.put(alert.id(), alert);
        return alert;
    }
}

package io.writ.workflow.sessions;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.alert.AlertState;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionLink;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.session.SessionSource;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.Writs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A session that began between the writ's final approval and the record of its grant (Keycloak had the role; the
 * writ did not say so yet) was filed UNLINKED with an alert: the grant's record links it and dismisses that alert.
 */
class LateLinksTest {

    private final LateLinks links = new LateLinks();
    private final Writ writ = approvedAndGranted();

    LateLinksTest() {
        links.sessions = mock(SessionRepository.class);
        links.alerts = mock(AlertRepository.class);
        links.audit = mock(AuditTrail.class);
    }

    @Test
    void aSessionBegunInTheGapIsLinkedToTheWritAndItsUnlinkedAlertDismissed() {
        var session = PrivilegedSession.open(SessionSource.BASTION, "ssh-1", "alice", Optional.empty(), at(9));
        var alert = Alert.raise(AlertRule.UNLINKED_PRIVILEGED_SESSION, "alice", null, null, session.id(), "e1",
                "alice SESSION_START with no active writ", at(9));
        when(links.sessions.unlinkedOf("alice", at(5), at(10))).thenReturn(List.of(session));
        when(links.alerts.aboutSession(session.id())).thenReturn(List.of(alert));

        links.granted(new WritEvent(writ, WritEvent.Kind.GRANTED, "system", at(10), "granted"));

        assertThat(session.link()).isEqualTo(SessionLink.LINKED);
        assertThat(session.writId()).contains(writ.id());
        assertThat(alert.state()).isEqualTo(AlertState.DISMISSED);
        assertThat(alert.triageComment()).hasValueSatisfying(c -> assertThat(c).contains("not unlinked after all",
                writ.id()));
        verify(links.audit).record(any());
    }

    @Test
    void otherEventsOfTheWritLinkNothing() {
        links.granted(new WritEvent(writ, WritEvent.Kind.APPROVED, "bob", at(5), "approved"));

        verify(links.sessions, org.mockito.Mockito.never()).unlinkedOf(any(), any(), any());
    }

    @Test
    void someoneElsesSessionIsNotTheWrits() {
        var session = PrivilegedSession.open(SessionSource.BASTION, "ssh-2", "mallory", Optional.empty(), at(9));

        assertThat(session.linkLate(writ)).isFalse();
        assertThat(session.link()).isEqualTo(SessionLink.UNLINKED);
    }

    private static Writ approvedAndGranted() {
        var writ = Writs.ask().entitlement("bastion-shell", RiskTier.MEDIUM).minutes(60).submit();
        writ.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), Writs.T0);
        writ.approve(Writs.BOB, null, at(5));
        writ.recordGrant(at(10), at(10));
        return writ;
    }
}

package io.writ.workflow.sessions;

import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.alert.AlertState;
import io.writ.domain.alert.TriageOutcome;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.WritEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * A session whose events do not name their writ is linked by the identity and the time. One that began in the
 * instant between Keycloak's grant and the writ's record of it (a person waiting to log in does exactly that) was
 * filed UNLINKED, with an alert: when the grant is recorded, in its transaction, such sessions (begun after the
 * final approval) are linked to the writ, and their "unlinked" alert is dismissed, saying why. Sessions whose events
 * name their writ are never in this gap.
 */
@ApplicationScoped
public class LateLinks {

    @Inject
    SessionRepository sessions;

    @Inject
    AlertRepository alerts;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    void granted(@Observes WritEvent event) {
        if (event.kind() != WritEvent.Kind.GRANTED) {
            return;
        }
        var writ = event.writ();
        var grant = writ.grant().orElseThrow();
        var approved = writ.decidedAt().orElse(writ.submittedAt());
        for (var session : sessions.unlinkedOf(writ.target(), approved, grant.grantedAt())) {
            if (!session.linkLate(writ)) {
                continue;
            }
            var now = clock.instant();
            var why = "session " + session.sourceSessionId() + " began at " + session.startedAt() + ", after writ "
                    + writ.id() + " was approved and before its grant was recorded at " + grant.grantedAt()
                    + ": it is linked to the writ";
            audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "session.linked-late", "session:" + session.id(),
                    why));
            alerts.aboutSession(session.id()).stream()
                    .filter(a -> a.rule() == AlertRule.UNLINKED_PRIVILEGED_SESSION && a.state() == AlertState.OPEN)
                    .forEach(a -> a.triage(TriageOutcome.DISMISS, AuditEntry.SYSTEM, why + " (not unlinked after all)",
                            now));
        }
    }
}

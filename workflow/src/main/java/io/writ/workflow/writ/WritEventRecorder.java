package io.writ.workflow.writ;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What happened to a writ is written down where it happened: each {@link WritEvent} becomes one audit record and
 * the notices it calls for, in the transaction of the change (so both exist exactly when the change does; a
 * notice is only a row, delivered later by the outbox).
 */
@ApplicationScoped
public class WritEventRecorder {

    @Inject
    AuditTrail audit;

    @Inject
    NoticeOutbox notices;

    @Inject
    WritSettings settings;

    void record(@Observes WritEvent event) {
        audit.record(new AuditEntry(event.at(), event.by(), event.kind().action(), event.subject(), event.detail()));
        WritNotices.about(event, settings.securityGroup()).forEach(notices::record);
    }
}

package io.writ.web.api;

import io.writ.domain.alert.Alert;
import io.writ.domain.entitlement.RiskTier;

import java.time.Instant;

/** An alert as the API shows it: the rule, its evidence, and what containment and triage did. */
public record AlertView(String id, String rule, String state, String identity, String writId, String riskTier,
                        String sessionId, String eventId, Instant raisedAt, String evidence, String containment,
                        Instant containedAt, String triagedBy, String triageComment, Instant triagedAt) {

    static AlertView of(Alert a) {
        return new AlertView(a.id(), a.rule().name(), a.state().name(), a.identity(), a.writId().orElse(null),
                a.riskTier().map(RiskTier::name).orElse(null), a.sessionId().orElse(null), a.eventId(), a.raisedAt(),
                a.evidence(), a.containment().orElse(null), a.containedAt().orElse(null), a.triagedBy().orElse(null),
                a.triageComment().orElse(null), a.triagedAt().orElse(null));
    }
}

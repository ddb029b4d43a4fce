package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertState;
import io.writ.domain.entitlement.RiskTier;

import java.io.Serializable;

/** An alert as the security desk shows it (times in UTC, ready to print). */
public record AlertSummary(String id, String rule, String state, String identity, String writId, String riskTier,
                           String raisedAt, String evidence, String containment) implements Serializable {

    static AlertSummary of(Alert a) {
        return new AlertSummary(a.id(), a.rule().name(), a.state().name(), a.identity(), a.writId().orElse(null),
                a.riskTier().map(RiskTier::name).orElse(null), UtcTime.minutes(a.raisedAt()), a.evidence(),
                a.containment().orElse(null));
    }

    /** Containment can still be started: it has not run nor been asked for. */
    public boolean isContainable() {
        return AlertState.OPEN.name().equals(state);
    }

    /** The tag colour of the state. */
    public String severity() {
        return switch (AlertState.valueOf(state)) {
            case OPEN -> "danger";
            case CONTAINING -> "warning";
            default -> "info";
        };
    }
}

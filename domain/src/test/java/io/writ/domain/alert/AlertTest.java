package io.writ.domain.alert;

import io.writ.domain.Conflict;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.RiskTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private static Alert on(RiskTier tier) {
        return Alert.raise(AlertRule.OUT_OF_SCOPE_COMMAND, "alice", "w-1", tier, "s-1", "e-1", "drop table", NOW);
    }

    @Test
    void onlyAlertsOnHighAndCriticalWritsAreContainedAutomatically() {
        assertThat(on(RiskTier.HIGH).containsAutomatically()).isTrue();
        assertThat(on(RiskTier.CRITICAL).containsAutomatically()).isTrue();
        assertThat(on(RiskTier.MEDIUM).containsAutomatically()).isFalse();
        assertThat(Alert.raise(AlertRule.UNLINKED_PRIVILEGED_SESSION, "mallory", null, null, "s-1", "e-1", "x", NOW)
                .containsAutomatically()).as("no writ to contain").isFalse();
    }

    @Test
    void containmentRunsOnceThenAwaitsTriage() {
        var alert = on(RiskTier.HIGH);

        assertThat(alert.startContainment()).isTrue();
        assertThat(alert.startContainment()).as("asked again while it runs").isFalse();
        alert.contained("revoked prod-db-admin; 2 sessions logged out", NOW.plusSeconds(1));

        assertThat(alert.state()).isEqualTo(AlertState.CONTAINED);
        assertThat(alert.containsAutomatically()).isFalse();
        assertThat(alert.containment()).contains("revoked prod-db-admin; 2 sessions logged out");
    }

    @Test
    void dismissingNeedsAReasonAndNobodyTriagesAnAlertAboutThemselves() {
        var alert = on(RiskTier.HIGH);

        assertThatThrownBy(() -> alert.triage(TriageOutcome.DISMISS, "dave", " ", NOW))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> alert.triage(TriageOutcome.CONFIRM, "alice", null, NOW))
                .isInstanceOf(NotPermitted.class);
        assertThat(alert.state()).isEqualTo(AlertState.OPEN);

        alert.triage(TriageOutcome.DISMISS, "dave", "a planned maintenance step", NOW);

        assertThat(alert.state()).isEqualTo(AlertState.DISMISSED);
        assertThat(alert.triagedBy()).contains("dave");
        assertThatThrownBy(() -> alert.triage(TriageOutcome.ESCALATE, "dave", null, NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(alert::startContainment).isInstanceOf(Conflict.class);
    }
}

package io.writ.domain.writ;

import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.ALICE_AS_APPROVER;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationTest {

    @Test
    void theBackupGroupMayDecideOnlyOnceTheWritIsEscalated() {
        var w = Writs.pending(1);
        assertThat(w.awaitsDecisionFrom(DAVE)).isFalse();

        w.escalateTo("security", at(120));

        assertThat(w.awaitsDecisionFrom(DAVE)).isTrue();
        assertThat(w.approve(DAVE, "on call for the approvers", at(130))).isTrue();
        assertThat(w.state()).isEqualTo(WritState.APPROVED);
    }

    @Test
    void escalationKeepsSeparationOfDuties() {
        var w = Writs.pending(1);
        w.escalateTo("requester", at(120)); // even a group the requester is in

        assertThatThrownBy(() -> w.approve(ALICE_AS_APPROVER, null, at(130)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
    }

    @Test
    void onlyAWritAwaitingDecisionIsEscalated() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.escalateTo("security", at(120))).isInstanceOf(WritStateConflict.class);
    }
}

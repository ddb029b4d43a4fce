package io.writ.domain.writ;

import io.writ.domain.NotPermitted;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.RevocationReason.CONTAINMENT;
import static io.writ.domain.writ.RevocationReason.ENDED_BY_REQUESTER;
import static io.writ.domain.writ.RevocationReason.TICKET_CLOSED;
import static io.writ.domain.writ.RevocationReason.WINDOW_ENDED;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndAndRevokeTest {

    @Test
    void theRequesterEndsTheWindowEarly() {
        var w = Writs.active();

        assertThat(w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30))).isTrue();

        assertThat(w.state()).isEqualTo(WritState.ENDED);
        assertThat(w.endedAt()).contains(at(30));
        assertThat(w.endedBy()).contains("alice");
        var grant = w.grant().orElseThrow();
        assertThat(grant.revocationReason()).contains(ENDED_BY_REQUESTER);
        assertThat(grant.endRequestedAt()).contains(at(30));
        assertThat(w.isActiveAt(at(29))).isTrue();
        assertThat(w.isActiveAt(at(30))).as("no longer covered once its end was asked for").isFalse();
    }

    @Test
    void onlyTheRequesterEndsTheirWritEarly() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.requestEnd(ENDED_BY_REQUESTER, "bob", at(30))).isInstanceOf(NotPermitted.class);
        assertThat(w.state()).isEqualTo(WritState.ACTIVE);
    }

    @Test
    void theWindowEndsWhenItRunsOut() {
        var w = Writs.active();

        w.requestEnd(WINDOW_ENDED, "system", at(70));

        assertThat(w.state()).isEqualTo(WritState.ENDED);
        assertThat(w.grant().orElseThrow().revocationReason()).contains(WINDOW_ENDED);
    }

    @Test
    void theWindowCannotRunOutBeforeItsEnd() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.requestEnd(WINDOW_ENDED, "system", at(69)))
                .isInstanceOf(WritStateConflict.class).hasMessageContaining("runs until");
        assertThat(w.state()).isEqualTo(WritState.ACTIVE);
    }

    @Test
    void closingTheTicketEndsTheWrit() {
        var w = Writs.active();

        w.requestEnd(TICKET_CLOSED, "ticket-system", at(20));

        assertThat(w.state()).isEqualTo(WritState.ENDED);
        assertThat(w.grant().orElseThrow().revocationReason()).contains(TICKET_CLOSED);
    }

    @Test
    void containmentLeavesTheWritContained() {
        var w = Writs.active();

        w.requestEnd(CONTAINMENT, "dave", at(20));

        assertThat(w.state()).isEqualTo(WritState.CONTAINED);
        assertThat(w.state().isFinal()).isTrue();
        assertThat(w.endedBy()).contains("dave");
    }

    @Test
    void askingForTheSameEndAgainChangesNothing() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));

        assertThat(w.requestEnd(ENDED_BY_REQUESTER, "alice", at(31))).isFalse();

        assertThat(w.endedAt()).contains(at(30));
        assertThat(w.grant().orElseThrow().endRequestedAt()).contains(at(30));
    }

    @Test
    void aDifferentEndOfAnEndedWritIsAConflict() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));

        assertThatThrownBy(() -> w.requestEnd(TICKET_CLOSED, "ticket-system", at(31)))
                .isInstanceOf(WritStateConflict.class);
        assertThat(w.grant().orElseThrow().revocationReason()).contains(ENDED_BY_REQUESTER);
    }

    @Test
    void aWritThatWasNeverGrantedCannotBeEnded() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.requestEnd(TICKET_CLOSED, "ticket-system", at(1)))
                .isInstanceOf(WritStateConflict.class);
    }

    @Test
    void revocationIsRecordedWithItsThreeTimes() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));

        assertThat(w.recordRevocation(new Revocation(at(31), at(32), at(33), 0, null, null))).isTrue();

        var grant = w.grant().orElseThrow();
        assertThat(grant.revokedAt()).contains(at(31));
        assertThat(grant.confirmedAbsentAt()).contains(at(32));
        assertThat(grant.sessionsLoggedOutAt()).contains(at(33));
    }

    @Test
    void aRepeatedRevocationRecordKeepsTheFirst() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));
        w.recordRevocation(new Revocation(at(31), at(32), at(33), 0, null, null));

        assertThat(w.recordRevocation(new Revocation(at(40), at(41), at(42), 0, null, null))).isFalse();

        assertThat(w.grant().orElseThrow().revokedAt()).contains(at(31));
        assertThat(w.grant().orElseThrow().sessionsLoggedOutAt()).contains(at(33));
    }

    @Test
    void revocationIsRecordedOnlyAfterTheEndWasAskedFor() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.recordRevocation(new Revocation(at(31), at(32), at(33), 0, null,
                null))).isInstanceOf(WritStateConflict.class);
        assertThat(w.grant().orElseThrow().revokedAt()).isEmpty();
    }
}

package io.writ.domain.writ;

import io.writ.domain.NotPermitted;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritLifecycleTest {

    @Test
    void everyStateKnowsWhetherItIsFinal() {
        assertThat(WritState.values()).filteredOn(WritState::isFinal).containsExactlyInAnyOrder(
                WritState.ENDED, WritState.REJECTED, WritState.EXPIRED_UNAPPROVED, WritState.CANCELLED,
                WritState.CONTAINED);
    }

    @Test
    void aWritNobodyDecidesOnExpiresUnapproved() {
        var w = Writs.pending(1);

        w.expireUnapproved(at(60 * 24));

        assertThat(w.state()).isEqualTo(WritState.EXPIRED_UNAPPROVED);
        assertThat(w.endedAt()).contains(at(60 * 24));
        assertThat(w.endedBy()).isEmpty();
    }

    @Test
    void onlyAWritAwaitingApprovalCanExpireUnapproved() {
        var w = Writs.pending(1);
        w.approve(BOB, null, at(1));

        assertThatThrownBy(() -> w.expireUnapproved(at(2))).isInstanceOf(WritStateConflict.class);
        assertThat(w.state()).isEqualTo(WritState.APPROVED);
    }

    @Test
    void theRequesterCancelsBeforeApproval() {
        var submitted = Writs.ask().submit();
        var pending = Writs.pending(2);

        submitted.cancel("alice", at(1));
        pending.cancel("alice", at(1));

        assertThat(submitted.state()).isEqualTo(WritState.CANCELLED);
        assertThat(pending.state()).isEqualTo(WritState.CANCELLED);
        assertThat(pending.endedBy()).contains("alice");
    }

    @Test
    void nobodyElseCancels() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.cancel("bob", at(1))).isInstanceOf(NotPermitted.class);
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
    }

    @Test
    void anApprovedWritCannotBeCancelled() {
        var w = Writs.pending(1);
        w.approve(BOB, null, at(1));

        assertThatThrownBy(() -> w.cancel("alice", at(2))).isInstanceOf(WritStateConflict.class);
    }

    @Test
    void theWindowStartsAtGrantTimeNotAtRequestTime() {
        var w = Writs.pending(1);
        w.approve(BOB, null, at(300));

        assertThat(w.recordGrant(at(310), at(311))).isTrue();

        assertThat(w.state()).isEqualTo(WritState.ACTIVE);
        var grant = w.grant().orElseThrow();
        assertThat(grant.grantedAt()).isEqualTo(at(310));
        assertThat(grant.confirmedPresentAt()).isEqualTo(at(311));
        assertThat(grant.expiresAt()).isEqualTo(at(310 + 60));
        assertThat(w.isActiveAt(at(309))).isFalse();
        assertThat(w.isActiveAt(at(310))).isTrue();
        assertThat(w.isActiveAt(at(369))).isTrue();
        assertThat(w.isActiveAt(at(370))).as("the window is over at expiry").isFalse();
    }

    @Test
    void onlyAnApprovedWritIsGranted() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.recordGrant(at(1), at(1))).isInstanceOf(WritStateConflict.class);
        assertThat(w.grant()).isEmpty();
    }

    @Test
    void aRetriedGrantDoesNotMoveTheWindow() {
        var w = Writs.active();

        assertThat(w.recordGrant(at(30), at(30))).isFalse();

        assertThat(w.grant().orElseThrow().grantedAt()).isEqualTo(at(10));
        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(70));
    }

    @Test
    void anAutoApprovedWritIsGrantedWithoutApprovals() {
        var w = Writs.ask().submit();
        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), T0);

        w.recordGrant(at(1), at(1));

        assertThat(w.state()).isEqualTo(WritState.ACTIVE);
    }

    @Test
    void aProcessIsAttachedOnce() {
        var w = Writs.ask().submit();
        w.attachProcess("p-1");
        w.attachProcess("p-1");

        assertThat(w.processInstanceId()).contains("p-1");
        assertThatThrownBy(() -> w.attachProcess("p-2")).isInstanceOf(IllegalStateException.class);
    }
}

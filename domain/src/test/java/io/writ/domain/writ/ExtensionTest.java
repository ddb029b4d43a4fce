package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.ALICE_AS_APPROVER;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The active writ of these tests runs from minute 10 to minute 70 (60 minutes). */
class ExtensionTest {

    @Test
    void anApprovedExtensionMovesTheEndLater() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));
        assertThat(w.pendingExtension()).hasValueSatisfying(e -> assertThat(e.minutes()).isEqualTo(30));

        w.approveExtension(CAROL, at(55));

        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(100));
        assertThat(w.isActiveAt(at(90))).isTrue();
        assertThat(w.pendingExtension()).isEmpty();
        assertThat(w.extension()).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(ExtensionState.APPROVED);
            assertThat(e.decidedBy()).contains("carol");
        });
    }

    @Test
    void anApproverOfTheWritMayApproveItsExtension() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));

        w.approveExtension(BOB, at(55));

        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(100));
    }

    @Test
    void aRejectedExtensionLeavesTheOriginalEnd() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));

        w.rejectExtension(CAROL, "finish tomorrow", at(55));

        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(70));
        assertThat(w.extension()).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(ExtensionState.REJECTED);
            assertThat(e.comment()).contains("finish tomorrow");
        });
    }

    @Test
    void rejectingAnExtensionNeedsAReason() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));

        assertThatThrownBy(() -> w.rejectExtension(CAROL, null, at(55))).isInstanceOf(InvalidRequest.class);
        assertThat(w.pendingExtension()).isPresent();
    }

    @Test
    void onlyTheRequesterAsksForMoreTime() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.requestExtension("bob", 30, at(50))).isInstanceOf(NotPermitted.class);
        assertThat(w.extension()).isEmpty();
    }

    @Test
    void theWholeWindowStaysWithinThePolicyMaximum() {
        var w = Writs.active(90);

        assertThatThrownBy(() -> w.requestExtension("alice", 31, at(50)))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("extraMinutes", "at most 30 more minutes: the window may not exceed 90 minutes")));

        w.requestExtension("alice", 30, at(50));
        w.approveExtension(CAROL, at(51));
        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(100));

        assertThatThrownBy(() -> w.requestExtension("alice", 1, at(60)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("already at its maximum of 90 minutes");
    }

    @Test
    void decidingOnAnExtensionFollowsSeparationOfDuties() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));

        assertThatThrownBy(() -> w.approveExtension(ALICE_AS_APPROVER, at(51)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThatThrownBy(() -> w.approveExtension(DAVE, at(51)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThatThrownBy(() -> w.rejectExtension(DAVE, "no", at(51)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(70));
    }

    @Test
    void oneExtensionAwaitsADecisionAtATime() {
        var w = Writs.active();
        w.requestExtension("alice", 10, at(50));

        assertThatThrownBy(() -> w.requestExtension("alice", 20, at(51))).isInstanceOf(WritStateConflict.class);
    }

    @Test
    void anotherExtensionMayFollowADecidedOne() {
        var w = Writs.active();
        w.requestExtension("alice", 10, at(50));
        w.rejectExtension(CAROL, "not needed yet", at(51));

        w.requestExtension("alice", 10, at(60));
        w.approveExtension(CAROL, at(61));

        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(80));
    }

    @Test
    void noExtensionOnceTheWindowHasRunOut() {
        var w = Writs.active();
        assertThatThrownBy(() -> w.requestExtension("alice", 10, at(70))).isInstanceOf(WritStateConflict.class);

        w.requestExtension("alice", 10, at(65));
        assertThatThrownBy(() -> w.approveExtension(CAROL, at(70))).isInstanceOf(WritStateConflict.class);
        assertThat(w.grant().orElseThrow().expiresAt()).isEqualTo(at(70));
    }

    @Test
    void approvingWithoutARequestForMoreTimeIsAConflict() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.approveExtension(CAROL, at(50))).isInstanceOf(WritStateConflict.class);
    }

    @Test
    void theOldEndNoLongerEndsAnExtendedWindow() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));
        w.approveExtension(CAROL, at(51));

        assertThatThrownBy(() -> w.requestEnd(RevocationReason.WINDOW_ENDED, "system", at(70)))
                .isInstanceOf(WritStateConflict.class);
        assertThat(w.requestEnd(RevocationReason.WINDOW_ENDED, "system", at(100))).isTrue();
    }

    @Test
    void anExtensionStillUndecidedWhenTheWritEndsLapses() {
        var w = Writs.active();
        w.requestExtension("alice", 30, at(50));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(52));

        assertThat(w.pendingExtension()).isEmpty();
        assertThatThrownBy(() -> w.approveExtension(CAROL, at(53))).isInstanceOf(WritStateConflict.class);
    }

    @Test
    void anExtensionAwaitsADecisionFromApproversOnlyWhileItIsPending() {
        var w = Writs.active();
        assertThat(w.awaitsExtensionDecisionFrom(CAROL)).as("nothing asked yet").isFalse();

        w.requestExtension("alice", 30, at(50));

        assertThat(w.awaitsExtensionDecisionFrom(CAROL)).isTrue();
        assertThat(w.awaitsExtensionDecisionFrom(DAVE)).as("not an approver").isFalse();
        assertThat(w.awaitsExtensionDecisionFrom(ALICE_AS_APPROVER)).as("the requester").isFalse();
        w.approveExtension(CAROL, at(55));
        assertThat(w.awaitsExtensionDecisionFrom(BOB)).as("already decided").isFalse();
    }
}

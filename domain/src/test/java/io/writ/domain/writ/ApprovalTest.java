package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalTest {

    @Test
    void oneApprovalApprovesAOneApprovalWrit() {
        var w = Writs.pending(1);

        boolean approved = w.approve(BOB, "ok for the failover", at(3));

        assertThat(approved).isTrue();
        assertThat(w.state()).isEqualTo(WritState.APPROVED);
        assertThat(w.decidedAt()).contains(at(3));
        assertThat(w.approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("bob");
            assertThat(a.decision()).isEqualTo(Decision.APPROVE);
            assertThat(a.comment()).isEqualTo("ok for the failover");
            assertThat(a.at()).isEqualTo(at(3));
        });
    }

    @Test
    void twoOfManyIsApprovedOnlyAtTheSecondApproval() {
        var w = Writs.pending(2);

        assertThat(w.approve(BOB, null, at(1))).isFalse();
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(w.approvalsSoFar()).isEqualTo(1);

        assertThat(w.approve(CAROL, null, at(2))).isTrue();
        assertThat(w.state()).isEqualTo(WritState.APPROVED);
        assertThat(w.approvalsSoFar()).isEqualTo(2);
        assertThat(w.approvals()).extracting(Approval::approver).containsExactly("bob", "carol");
    }

    @Test
    void aRejectionWithAReasonEndsTheWrit() {
        var w = Writs.pending(2);
        w.approve(BOB, null, at(1));

        w.reject(CAROL, "no change window tonight", at(2));

        assertThat(w.state()).isEqualTo(WritState.REJECTED);
        assertThat(w.state().isFinal()).isTrue();
        assertThat(w.endedAt()).contains(at(2));
        assertThat(w.endedBy()).contains("carol");
        assertThat(w.approvals()).last().satisfies(a -> {
            assertThat(a.decision()).isEqualTo(Decision.REJECT);
            assertThat(a.comment()).isEqualTo("no change window tonight");
        });
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.reject(BOB, "  ", at(1)))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("comment"));
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(w.approvals()).isEmpty();
    }

    @Test
    void aDecisionOnAWritThatAwaitsNoneIsAConflict() {
        var approved = Writs.pending(1);
        approved.approve(BOB, null, at(1));
        var submitted = Writs.ask().submit();

        assertThatThrownBy(() -> approved.approve(CAROL, null, at(2)))
                .isInstanceOfSatisfying(WritStateConflict.class,
                        e -> assertThat(e.state()).isEqualTo(WritState.APPROVED));
        assertThatThrownBy(() -> approved.reject(CAROL, "too late", at(2))).isInstanceOf(WritStateConflict.class);
        assertThatThrownBy(() -> submitted.approve(BOB, null, at(2))).isInstanceOf(WritStateConflict.class);
    }

    @Test
    void aConflictComesBeforeASeparationOfDutiesRefusal() {
        var w = Writs.pending(1);
        w.approve(BOB, null, at(1));

        assertThatThrownBy(() -> w.approve(Writs.ALICE_AS_APPROVER, null, at(2)))
                .isInstanceOf(WritStateConflict.class);
    }

    @Test
    void anOverlongCommentIsAFieldError() {
        var w = Writs.pending(1);

        assertThatThrownBy(() -> w.approve(BOB, "x".repeat(2001), T0))
                .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("comment");
    }
}

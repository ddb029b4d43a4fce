package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakGlassReviewTest {

    /** Alice broke the glass: granted at once at minute 1 for 30 minutes, ended at minute 20 and revoked. */
    private static Writ brokenAndRevoked() {
        var w = ask().ticket(null, null).breakGlass().minutes(30).submit();
        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(0));
        w.recordGrant(at(1), at(1));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));
        w.recordRevocation(new Revocation(at(20), at(20), at(20), 0, null, null));
        w.requirePostIncidentReview(at(20 + 48 * 60), at(20));
        return w;
    }

    @Test
    void securityReviewsABreakGlassWritOnce() {
        var w = brokenAndRevoked();
        assertThat(w.awaitsPostIncidentReview()).isTrue();

        w.recordPostIncidentReview("dave", "the outage was real; runbook updated", at(60));

        assertThat(w.awaitsPostIncidentReview()).isFalse();
        assertThat(w.postIncidentReview().flatMap(PostIncidentReview::reviewedBy)).contains("dave");
        assertThatThrownBy(() -> w.recordPostIncidentReview("erin", "again", at(61)))
                .isInstanceOf(WritStateConflict.class);
    }

    @Test
    void whoBrokeTheGlassDoesNotReviewItAndFindingsAreRequired() {
        var w = brokenAndRevoked();

        assertThatThrownBy(() -> w.recordPostIncidentReview("alice", "all fine", at(60)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThatThrownBy(() -> w.recordPostIncidentReview("dave", "  ", at(60)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("findings");
        assertThat(w.awaitsPostIncidentReview()).isTrue();
    }

    @Test
    void aBreakGlassWindowCannotBeExtended() {
        var w = ask().ticket(null, null).breakGlass().minutes(30).submit();
        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(0));
        w.recordGrant(at(1), at(1));

        assertThatThrownBy(() -> w.requestExtension("alice", 10, at(5))).isInstanceOf(WritStateConflict.class)
                .hasMessageContaining("break-glass");
    }

    @Test
    void anOrdinaryWritOwesNoPostIncidentReview() {
        var w = Writs.active();

        assertThatThrownBy(() -> w.recordPostIncidentReview("dave", "nothing", at(80)))
                .isInstanceOf(WritStateConflict.class);
    }
}

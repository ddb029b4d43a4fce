package io.writ.domain.writ;

import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What a writ says happened to it: one event per change, by whom and when, in the audit trail's words. */
class WritEventsTest {

    @Test
    void aWritsLifeIsToldStepByStepWithWhoAndWhen() {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), at(1));
        w.approve(BOB, "ok", at(2));
        w.approve(CAROL, null, at(3));
        w.recordGrant(at(4), at(4));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(30));
        w.recordRevocation(new Revocation(at(31), at(31), at(31), 2, null, null));
        w.answerPostAccessReview("alice", true, null, at(40));

        assertThat(w.takeEvents()).extracting(e -> e.kind().action(), WritEvent::by, WritEvent::at).containsExactly(
                tuple("writ.submitted", "alice", T0),
                tuple("writ.policy-applied", "system", at(1)),
                tuple("writ.approved", "bob", at(2)),
                tuple("writ.approved", "carol", at(3)),
                tuple("writ.granted", "system", at(4)),
                tuple("writ.end-requested", "alice", at(30)),
                tuple("writ.revoked", "system", at(31)),
                tuple("writ.post-access-reviewed", "alice", at(40)));
        assertThat(w.takeEvents()).as("each event is given once").isEmpty();
    }

    @Test
    void eachEventSaysWhatHappenedInASentence() {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), at(1));
        w.approve(BOB, "ok", at(2));
        w.takeEvents();
        w.approve(CAROL, null, at(3));
        w.recordGrant(at(4), at(4));
        w.requestEnd(RevocationReason.WINDOW_ENDED, WritEvent.SYSTEM, at(64));
        w.recordRevocation(new Revocation(at(65), at(65), at(65), 2, null, null));

        assertThat(w.takeEvents()).extracting(WritEvent::subject, WritEvent::detail).containsExactly(
                tuple("writ:" + w.id(), "2 of 2 approvals; now APPROVED"),
                tuple("writ:" + w.id(), "prod-db-admin granted to alice and read back present; window until " + at(64)),
                tuple("writ:" + w.id(), "window ended at " + at(64)),
                tuple("writ:" + w.id(), "prod-db-admin removed from alice and read back absent; 2 session(s) logged "
                        + "out; reason WINDOW_ENDED"));
    }

    @Test
    void aRefusedChangeSaysNothing() {
        var w = Writs.pending(1);
        w.takeEvents();

        assertThatThrownBy(() -> w.approve(Writs.ALICE_AS_APPROVER, null, at(2)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
        assertThatThrownBy(() -> w.recordGrant(at(3), at(3))).isInstanceOf(WritStateConflict.class);

        assertThat(w.takeEvents()).isEmpty();
    }

    @Test
    void aRepeatThatChangesNothingSaysNothingEither() {
        var w = Writs.active();
        w.takeEvents();
        assertThat(w.recordGrant(at(20), at(20))).as("a retried grant step").isFalse();
        assertThat(w.takeEvents()).isEmpty();

        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(30));
        w.recordRevocation(new Revocation(at(31), at(31), at(31), 1, null, null));
        w.takeEvents();
        assertThat(w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(32))).as("a second click").isFalse();
        assertThat(w.recordRevocation(new Revocation(at(33), at(33), at(33), 0, null,
                null))).as("a retried revocation step").isFalse();
        assertThat(w.takeEvents()).isEmpty();
    }

    @Test
    void brokenGlassIsSaidAsSuchFromThePolicyToItsReview() {
        var w = ask().ticket(null, null).breakGlass().justification("production is down, orders fail").submit();
        w.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(0));
        w.recordGrant(at(1), at(1));
        w.announceBreakGlass(at(1));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));
        w.recordRevocation(new Revocation(at(21), at(21), at(21), 1, null, null));
        w.recordCredentialsAfterBreakGlass("alice is a person: their Keycloak sessions were logged out", at(22));
        w.requirePostIncidentReview(at(22 + 48 * 60), at(22));
        w.postIncidentReviewOverdue(at(23 + 48 * 60));
        w.recordPostIncidentReview(DAVE.username(), "the outage was real", at(24 + 48 * 60));

        assertThat(w.takeEvents()).extracting(WritEvent::kind).containsExactly(
                WritEvent.Kind.SUBMITTED, WritEvent.Kind.BREAK_GLASS, WritEvent.Kind.GRANTED,
                WritEvent.Kind.BREAK_GLASS_ANNOUNCED, WritEvent.Kind.END_REQUESTED, WritEvent.Kind.REVOKED,
                WritEvent.Kind.BREAK_GLASS_CREDENTIALS, WritEvent.Kind.POST_INCIDENT_REVIEW_OPENED,
                WritEvent.Kind.POST_INCIDENT_REVIEW_OVERDUE, WritEvent.Kind.POST_INCIDENT_REVIEWED);
    }

    @Test
    void onlyGrantedBrokenGlassIsAnnounced() {
        var onTicket = Writs.active();

        assertThatThrownBy(() -> onTicket.announceBreakGlass(at(20))).isInstanceOf(WritStateConflict.class);
    }
}

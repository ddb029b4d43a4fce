package io.writ.domain.notice;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Submission;
import io.writ.domain.writ.RevocationReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.writ.domain.notice.Cast.BOB;
import static io.writ.domain.notice.Cast.DAVE;
import static io.writ.domain.notice.Cast.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notice rules: who is told what about a writ, in which words. */
class WhoIsToldTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void theApproverGroupIsAskedToDecideButNeverTheRequesterOrTheTarget() {
        var notice = Notice.decisionNeeded(Cast.pending(), at(0));

        assertThat(notice.kind()).isEqualTo(NoticeKind.DECISION_NEEDED);
        assertThat(notice.audience().groups()).containsExactly("approver");
        assertThat(notice.audience().users()).isEmpty();
        assertThat(notice.audience().admits("bob")).isTrue();
        assertThat(notice.audience().admits("alice")).as("alice may be an approver, but not of her own writ").isFalse();
    }

    @Test
    void theDecisionNeededSaysWhoWantsWhatOnWhichTicketAndHowManyApprovals() {
        var notice = Notice.decisionNeeded(Cast.pending(), at(0));

        assertThat(notice.subject()).isEqualTo("Decision needed: alice asks for prod-db-admin (HIGH) on CHG-1001");
        assertThat(notice.body())
                .contains("alice asks for prod-db-admin (HIGH) on CHG-1001 for 60 minutes")
                .contains("2 approval(s) from approver; 0 so far")
                .contains("Ticket:        CHG-1001")
                .contains("Justification: rotate the replica credentials")
                .contains("Writ:          " + notice.writId());
    }

    @Test
    void anNhisOwnerIsNotAskedToDecideButIsToldTheOutcome() {
        var writ = Cast.pendingForNhi();

        var asked = Notice.decisionNeeded(writ, at(0)).audience();
        assertThat(asked.admits("alice")).isFalse();
        assertThat(asked.admits("service-account-ci-deployer")).isFalse();
        assertThat(Notice.decisionNeeded(writ, at(0)).subject()).contains("for service-account-ci-deployer");

        writ.approve(Cast.BOB, null, at(1));
        assertThat(Notice.approved(writ, at(1)).audience().users()).containsExactly("alice");
    }

    @Test
    void aReminderAsksOnlyThoseWhoHaveNotDecidedYet() {
        var writ = Cast.pending();
        writ.approve(BOB, "fine by me", at(3));

        var reminder = Notice.reminder(writ, at(30));

        assertThat(reminder.kind()).isEqualTo(NoticeKind.DECISION_NEEDED);
        assertThat(reminder.subject()).startsWith("Still waiting for a decision: alice asks for prod-db-admin");
        assertThat(reminder.body()).contains("1 so far (bob)");
        assertThat(reminder.audience().admits("bob")).as("bob decided already").isFalse();
        assertThat(reminder.audience().admits("carol")).isTrue();
    }

    @Test
    void escalationAsksTheBackupGroupOnly() {
        var writ = Cast.pending();
        writ.escalateTo("security");

        var escalated = Notice.escalated(writ, "security", at(120));

        assertThat(escalated.audience().groups()).containsExactly("security");
        assertThat(escalated.subject()).startsWith("Escalated to security, decision needed:");
        assertThat(Notice.reminder(writ, at(121)).audience().groups()).containsExactly("approver", "security");
        assertThat(writ.awaitsDecisionFrom(DAVE)).isTrue();
    }

    @Test
    void aSponsorGroupIsAskedWhileItsSeatIsOpen() {
        var writ = Writ.submit(new Submission("tina", "tina", null, null, "prod-db-admin", RiskTier.HIGH,
                240, "CHG-1001", TicketStatus.open("CHG-1001"), "vendor maintenance", null, 30, false, true), at(0));
        writ.applyPolicy(ApprovalPolicy.withSponsor(1, "approver", 60, "security"), at(0));

        assertThat(Notice.decisionNeeded(writ, at(0)).audience().groups()).containsExactly("approver", "security");

        writ.approve(Approver.of("dave", "security"), null, at(1));
        assertThat(Notice.reminder(writ, at(30)).audience().groups()).containsExactly("approver");
    }

    @Test
    void theRequesterIsToldOfApprovalWithWhoApproved() {
        var notice = Notice.approved(Cast.approved(), at(5));

        assertThat(notice.kind()).isEqualTo(NoticeKind.APPROVED);
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.audience().groups()).isEmpty();
        assertThat(notice.subject()).isEqualTo("Approved: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(notice.body()).startsWith("Approved by bob, carol.");
    }

    @Test
    void theRequesterIsToldOfRejectionWithTheReason() {
        var writ = Cast.pending();
        writ.reject(BOB, "no change window today", at(2));

        var notice = Notice.rejected(writ, at(2));

        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).isEqualTo("Rejected: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(notice.body()).startsWith("bob rejected it: no change window today.");
    }

    @Test
    void approvalIsNotToldBeforeItIsReached() {
        var writ = Cast.pending();
        writ.approve(BOB, null, at(1));

        assertThatThrownBy(() -> Notice.approved(writ, at(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRequesterIsWarnedTenMinutesBeforeTheWindowEndsOncePerEnd() {
        var writ = Cast.active(); // the window runs from minute 10 to minute 70

        assertThat(Notice.expiringSoon(writ, at(59), TEN_MINUTES)).as("eleven minutes left").isEmpty();
        var warning = Notice.expiringSoon(writ, at(61), TEN_MINUTES).orElseThrow();

        assertThat(warning.kind()).isEqualTo(NoticeKind.EXPIRING_SOON);
        assertThat(warning.audience().users()).containsExactly("alice");
        assertThat(warning.subject()).isEqualTo("Ends in 9 min: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(warning.body()).contains("The window ends 2026-11-02 10:10 UTC");
        assertThat(warning.onceKey()).contains(Notice.expiryWarningKey(writ.id(), at(70)));
        assertThat(Notice.expiringSoon(writ, at(62), TEN_MINUTES).orElseThrow().onceKey())
                .as("the same end, the same warning").isEqualTo(warning.onceKey());
        assertThat(Notice.expiringSoon(writ, at(70), TEN_MINUTES)).as("the window is over").isEmpty();
    }

    @Test
    void anApprovedExtensionMovesTheWarning() {
        var writ = Cast.active();
        var first = Notice.expiringSoon(writ, at(61), TEN_MINUTES).orElseThrow();
        writ.requestExtension("alice", 30, at(62));
        writ.approveExtension(Cast.CAROL, at(63));

        assertThat(Notice.expiringSoon(writ, at(63), TEN_MINUTES)).as("forty minutes left now").isEmpty();
        var second = Notice.expiringSoon(writ, at(91), TEN_MINUTES).orElseThrow();
        assertThat(second.onceKey()).isNotEqualTo(first.onceKey());
        assertThat(second.body()).contains("10:40 UTC");
    }

    @Test
    void aWindowShorterThanTheWarningIsWarnedOfAtOnce() {
        var writ = Cast.approved();
        writ.recordGrant(at(10), at(10));
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));

        assertThat(Notice.expiringSoon(writ, at(65), TEN_MINUTES)).as("ended early: no warning").isEmpty();
        assertThat(Notice.expiringSoon(Cast.active(), at(10), Duration.ofMinutes(120))).isPresent();
    }

    @Test
    void extensionsAreAskedOfTheApproversAndTheirOutcomeToldToTheRequester() {
        var writ = Cast.active();
        writ.requestExtension("alice", 15, at(20));

        var asked = Notice.extensionRequested(writ, at(20));
        assertThat(asked.kind()).isEqualTo(NoticeKind.EXTENSION_REQUESTED);
        assertThat(asked.audience().groups()).containsExactly("approver");
        assertThat(asked.audience().admits("alice")).isFalse();
        assertThat(asked.audience().admits("bob")).as("having approved the writ is no bar to its extension").isTrue();
        assertThat(asked.subject()).isEqualTo("More time asked: alice asks 15 more minutes of prod-db-admin (HIGH) "
                + "on CHG-1001");

        writ.rejectExtension(BOB, "finish tomorrow", at(21));
        var told = Notice.extensionDecided(writ, at(21));
        assertThat(told.kind()).isEqualTo(NoticeKind.EXTENSION_REJECTED);
        assertThat(told.audience().users()).containsExactly("alice");
        assertThat(told.body()).startsWith("bob refused 15 more minutes: finish tomorrow.");
    }

    @Test
    void theRequesterIsToldOfRevocationWithTheReason() {
        var writ = Cast.active();
        writ.requestEnd(RevocationReason.TICKET_CLOSED, "admin", at(30));
        writ.recordRevocation(at(31), at(31), at(31));

        var notice = Notice.revoked(writ, at(31));

        assertThat(notice.kind()).isEqualTo(NoticeKind.REVOKED);
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).isEqualTo("Revoked: prod-db-admin (HIGH) for alice on CHG-1001 "
                + "(ticket CHG-1001 was closed)");
        assertThat(notice.body()).contains("read back absent").contains("Reason: ticket CHG-1001 was closed.")
                .contains("Window:        granted 2026-11-02 09:10 UTC, ended 2026-11-02 09:30 UTC");
    }

    @Test
    void onceRevokedTheRequesterIsAskedWhetherTheAccessWasUsedAsIntended() {
        var writ = Cast.active();
        assertThatThrownBy(() -> Notice.postAccessReviewNeeded(writ, at(20))).as("not before the access is gone")
                .isInstanceOf(IllegalStateException.class);
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(30));
        writ.recordRevocation(at(31), at(31), at(31));

        var notice = Notice.postAccessReviewNeeded(writ, at(31));

        assertThat(notice.kind()).isEqualTo(NoticeKind.POST_ACCESS_REVIEW_NEEDED);
        assertThat(notice.kind().eventName()).isEqualTo("writ.post-access-review-needed");
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).startsWith("Was it used as intended? prod-db-admin");
        assertThat(notice.body()).contains("/post-access-review").contains("next access review of prod-db-admin");
    }

    @Test
    void expiryUnapprovedIsToldToTheRequester() {
        var writ = Cast.pending();
        writ.expireUnapproved(at(480));

        assertThat(Notice.expiredUnapproved(writ, at(480)).audience().users()).containsExactly("alice");
    }

    @Test
    void eventsHaveStableNamesForTheWebhook() {
        assertThat(NoticeKind.DECISION_NEEDED.eventName()).isEqualTo("writ.decision-needed");
        assertThat(NoticeKind.EXPIRING_SOON.eventName()).isEqualTo("writ.expiring-soon");
        assertThat(NoticeKind.DECISION_NEEDED.asksForDecision()).isTrue();
        assertThat(NoticeKind.REVOKED.asksForDecision()).isFalse();
    }
}

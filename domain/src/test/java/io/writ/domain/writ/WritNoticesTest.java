package io.writ.domain.writ;

import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.NHI;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notice rules: who is told what about a writ, in which words. */
class WritNoticesTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void theApproverGroupIsAskedToDecideButNeverTheRequesterOrTheTarget() {
        var notice = WritNotices.decisionNeeded(pending(), at(0));

        assertThat(notice.kind()).isEqualTo(NoticeKind.DECISION_NEEDED);
        assertThat(notice.audience().groups()).containsExactly("approver");
        assertThat(notice.audience().users()).isEmpty();
        assertThat(notice.audience().admits("bob")).isTrue();
        assertThat(notice.audience().admits("alice")).as("alice may be an approver, but not of her own writ").isFalse();
    }

    @Test
    void theDecisionNeededSaysWhoWantsWhatOnWhichTicketAndHowManyApprovals() {
        var notice = WritNotices.decisionNeeded(pending(), at(0));

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
        var writ = pendingForNhi();

        var asked = WritNotices.decisionNeeded(writ, at(0)).audience();
        assertThat(asked.admits("alice")).isFalse();
        assertThat(asked.admits("service-account-ci-deployer")).isFalse();
        assertThat(WritNotices.decisionNeeded(writ, at(0)).subject()).contains("for service-account-ci-deployer");

        writ.approve(BOB, null, at(1));
        assertThat(WritNotices.approved(writ, at(1)).audience().users()).containsExactly("alice");
    }

    @Test
    void aReminderAsksOnlyThoseWhoHaveNotDecidedYet() {
        var writ = pending();
        writ.approve(BOB, "fine by me", at(3));

        var reminder = WritNotices.reminder(writ, at(30));

        assertThat(reminder.kind()).isEqualTo(NoticeKind.DECISION_NEEDED);
        assertThat(reminder.subject()).startsWith("Still waiting for a decision: alice asks for prod-db-admin");
        assertThat(reminder.body()).contains("1 so far (bob)");
        assertThat(reminder.audience().admits("bob")).as("bob decided already").isFalse();
        assertThat(reminder.audience().admits("carol")).isTrue();
    }

    @Test
    void escalationAsksTheBackupGroupOnly() {
        var writ = pending();
        writ.escalateTo("security", at(75));

        var escalated = WritNotices.escalated(writ, "security", at(120));

        assertThat(escalated.audience().groups()).containsExactly("security");
        assertThat(escalated.subject()).startsWith("Escalated to security, decision needed:");
        assertThat(WritNotices.reminder(writ, at(121)).audience().groups()).containsExactly("approver", "security");
        assertThat(writ.awaitsDecisionFrom(DAVE)).isTrue();
    }

    @Test
    void aSponsorGroupIsAskedWhileItsSeatIsOpen() {
        var writ = Writs.ask().by("tina").thirdParty().justification("vendor maintenance").minutes(30).submit();
        writ.applyPolicy(ApprovalPolicy.withSponsor(1, "approver", 60, "security"), at(0));

        assertThat(WritNotices.decisionNeeded(writ, at(0)).audience().groups()).containsExactly("approver", "security");

        writ.approve(Approver.of("dave", "security"), null, at(1));
        assertThat(WritNotices.reminder(writ, at(30)).audience().groups()).containsExactly("approver");
    }

    @Test
    void theRequesterIsToldOfApprovalWithWhoApproved() {
        var notice = WritNotices.approved(approved(), at(5));

        assertThat(notice.kind()).isEqualTo(NoticeKind.APPROVED);
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.audience().groups()).isEmpty();
        assertThat(notice.subject()).isEqualTo("Approved: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(notice.body()).startsWith("Approved by bob, carol.");
    }

    @Test
    void theRequesterIsToldOfRejectionWithTheReason() {
        var writ = pending();
        writ.reject(BOB, "no change window today", at(2));

        var notice = WritNotices.rejected(writ, at(2));

        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).isEqualTo("Rejected: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(notice.body()).startsWith("bob rejected it: no change window today.");
    }

    @Test
    void approvalIsNotToldBeforeItIsReached() {
        var writ = pending();
        writ.takeEvents();

        writ.approve(BOB, null, at(1));
        assertThat(told(writ)).as("1 of 2 approvals: nobody is told yet").isEmpty();

        writ.approve(CAROL, null, at(2));
        assertThat(told(writ)).extracting(Notice::kind).containsExactly(NoticeKind.APPROVED);
    }

    @Test
    void theRequesterIsWarnedTenMinutesBeforeTheWindowEndsOncePerEnd() {
        var writ = active(); // the window runs from minute 10 to minute 70

        assertThat(WritNotices.expiringSoon(writ, at(59), TEN_MINUTES)).as("eleven minutes left").isEmpty();
        var warning = WritNotices.expiringSoon(writ, at(61), TEN_MINUTES).orElseThrow();

        assertThat(warning.kind()).isEqualTo(NoticeKind.EXPIRING_SOON);
        assertThat(warning.audience().users()).containsExactly("alice");
        assertThat(warning.subject()).isEqualTo("Ends in 9 min: prod-db-admin (HIGH) for alice on CHG-1001");
        assertThat(warning.body()).contains("The window ends 2026-11-02 10:10 UTC");
        assertThat(warning.onceKey()).contains(WritNotices.expiryWarningKey(writ.id(), at(70)));
        assertThat(WritNotices.expiringSoon(writ, at(62), TEN_MINUTES).orElseThrow().onceKey())
                .as("the same end, the same warning").isEqualTo(warning.onceKey());
        assertThat(WritNotices.expiringSoon(writ, at(70), TEN_MINUTES)).as("the window is over").isEmpty();
    }

    @Test
    void anApprovedExtensionMovesTheWarning() {
        var writ = active();
        var first = WritNotices.expiringSoon(writ, at(61), TEN_MINUTES).orElseThrow();
        writ.requestExtension("alice", 30, at(62));
        writ.approveExtension(CAROL, at(63));

        assertThat(WritNotices.expiringSoon(writ, at(63), TEN_MINUTES)).as("forty minutes left now").isEmpty();
        var second = WritNotices.expiringSoon(writ, at(91), TEN_MINUTES).orElseThrow();
        assertThat(second.onceKey()).isNotEqualTo(first.onceKey());
        assertThat(second.body()).contains("10:40 UTC");
    }

    @Test
    void aWindowShorterThanTheWarningIsWarnedOfAtOnce() {
        var writ = approved();
        writ.recordGrant(at(10), at(10));
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));

        assertThat(WritNotices.expiringSoon(writ, at(65), TEN_MINUTES)).as("ended early: no warning").isEmpty();
        assertThat(WritNotices.expiringSoon(active(), at(10), Duration.ofMinutes(120))).isPresent();
    }

    @Test
    void extensionsAreAskedOfTheApproversAndTheirOutcomeToldToTheRequester() {
        var writ = active();
        writ.requestExtension("alice", 15, at(20));

        var asked = WritNotices.extensionRequested(writ, at(20));
        assertThat(asked.kind()).isEqualTo(NoticeKind.EXTENSION_REQUESTED);
        assertThat(asked.audience().groups()).containsExactly("approver");
        assertThat(asked.audience().admits("alice")).isFalse();
        assertThat(asked.audience().admits("bob")).as("having approved the writ is no bar to its extension").isTrue();
        assertThat(asked.subject()).isEqualTo("More time asked: alice asks 15 more minutes of prod-db-admin (HIGH) "
                + "on CHG-1001");

        writ.rejectExtension(BOB, "finish tomorrow", at(21));
        var told = WritNotices.extensionDecided(writ, at(21));
        assertThat(told.kind()).isEqualTo(NoticeKind.EXTENSION_REJECTED);
        assertThat(told.audience().users()).containsExactly("alice");
        assertThat(told.body()).startsWith("bob refused 15 more minutes: finish tomorrow.");
    }

    @Test
    void theRequesterIsToldOfRevocationWithTheReason() {
        var writ = active();
        writ.requestEnd(RevocationReason.TICKET_CLOSED, "admin", at(30));
        writ.recordRevocation(new Revocation(at(31), at(31), at(31), 0, null, null));

        var notice = WritNotices.revoked(writ, at(31));

        assertThat(notice.kind()).isEqualTo(NoticeKind.REVOKED);
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).isEqualTo("Revoked: prod-db-admin (HIGH) for alice on CHG-1001 "
                + "(ticket CHG-1001 was closed)");
        assertThat(notice.body()).contains("read back absent").contains("Reason: ticket CHG-1001 was closed.")
                .contains("Window:        granted 2026-11-02 09:10 UTC, ended 2026-11-02 09:30 UTC");
    }

    @Test
    void onceRevokedTheRequesterIsAskedWhetherTheAccessWasUsedAsIntended() {
        var writ = active();
        assertThatThrownBy(() -> WritNotices.postAccessReviewNeeded(writ, at(20))).as("not before the access is gone")
                .isInstanceOf(IllegalStateException.class);
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(30));
        writ.recordRevocation(new Revocation(at(31), at(31), at(31), 0, null, null));

        var notice = WritNotices.postAccessReviewNeeded(writ, at(31));

        assertThat(notice.kind()).isEqualTo(NoticeKind.POST_ACCESS_REVIEW_NEEDED);
        assertThat(notice.kind().eventName()).isEqualTo("writ.post-access-review-needed");
        assertThat(notice.audience().users()).containsExactly("alice");
        assertThat(notice.subject()).startsWith("Was it used as intended? prod-db-admin");
        assertThat(notice.body()).contains("/post-access-review").contains("next access review of prod-db-admin");
    }

    @Test
    void expiryUnapprovedIsToldToTheRequester() {
        var writ = pending();
        writ.expireUnapproved(at(480));

        assertThat(WritNotices.expiredUnapproved(writ, at(480)).audience().users()).containsExactly("alice");
    }

    @Test
    void eventsHaveStableNamesForTheWebhook() {
        assertThat(NoticeKind.DECISION_NEEDED.eventName()).isEqualTo("writ.decision-needed");
        assertThat(NoticeKind.EXPIRING_SOON.eventName()).isEqualTo("writ.expiring-soon");
        assertThat(NoticeKind.DECISION_NEEDED.asksForDecision()).isTrue();
        assertThat(NoticeKind.REVOKED.asksForDecision()).isFalse();
    }

    /** The notices the writ's latest events call for. */
    private static List<Notice> told(Writ writ) {
        return writ.takeEvents().stream().flatMap(e -> WritNotices.about(e, "security").stream()).toList();
    }

    /** Alice asks for prod-db-admin for herself, 60 minutes on CHG-1001; 2 approvals from approver. */
    private static Writ pending() {
        return Writs.pending(2);
    }

    /** Alice asks for prod-db-admin for the NHI ci-deployer she owns. */
    private static Writ pendingForNhi() {
        var w = Writs.ask().forNhi(NHI, "alice").minutes(30).submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), Writs.T0);
        return w;
    }

    /** Approved by bob and carol at minute 5. */
    private static Writ approved() {
        var w = pending();
        w.approve(BOB, "ok", at(4));
        w.approve(CAROL, null, at(5));
        return w;
    }

    /** Granted at minute 10: the window runs to minute 70. */
    private static Writ active() {
        var w = approved();
        w.recordGrant(at(10), at(10));
        return w;
    }
}

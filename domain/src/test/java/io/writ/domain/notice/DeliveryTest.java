package io.writ.domain.notice;

import io.writ.domain.NotFound;
import io.writ.domain.identity.Contact;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.writ.domain.notice.Cast.ALICE_MAIL;
import static io.writ.domain.notice.Cast.BOB_MAIL;
import static io.writ.domain.notice.Cast.CAROL_MAIL;
import static io.writ.domain.notice.Cast.FRANK_MAIL;
import static io.writ.domain.notice.Cast.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivering a notice: each part once, retried with backoff until complete, never given up. */
class DeliveryTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    @Test
    void theGroupsMembersBecomeRecipientsLessThoseExceptedEachOnce() {
        var notice = toApprovers();

        var recipients = notice.address(List.of(BOB_MAIL, CAROL_MAIL, FRANK_MAIL, ALICE_MAIL, BOB_MAIL), true, at(0));

        assertThat(recipients).extracting(Recipient::username).containsExactly("bob", "carol", "frank");
        assertThat(recipients).extracting(Recipient::mailState).containsOnly(MailState.PENDING);
        assertThat(notice.address(List.of(ALICE_MAIL), true, at(1))).as("addressed once").hasSize(3);
    }

    @Test
    void someoneWithoutAnAddressIsToldInThePortalOnly() {
        var notice = toApprovers();

        notice.address(List.of(BOB_MAIL, new Contact("carol", null)), true, at(0));

        assertThat(notice.awaitingMail()).extracting(Recipient::username).containsExactly("bob");
        assertThat(notice.recipients()).allSatisfy(r -> assertThat(notice.messageFor(r).recipient())
                .isEqualTo(r.username()));
    }

    @Test
    void aFailedMailIsRetriedForItsRecipientOnlyAfterABackoff() {
        var notice = toApprovers();
        notice.address(List.of(BOB_MAIL, CAROL_MAIL), true, at(0));
        notice.mailed("bob", at(0));

        notice.attempted(at(0), true, false, List.of("carol: connection refused"), BACKOFF);

        assertThat(notice.isDelivered()).isFalse();
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(notice.lastProblem()).contains("carol: connection refused");
        assertThat(notice.nextAttemptAt()).isEqualTo(at(0).plusSeconds(5));
        assertThat(notice.awaitingMail()).extracting(Recipient::username).containsExactly("carol");

        notice.mailed("carol", at(1));
        notice.attempted(at(1), true, false, List.of(), BACKOFF);
        assertThat(notice.isDelivered()).isTrue();
        assertThat(notice.recipients()).extracting(Recipient::mailState).containsOnly(MailState.SENT);
    }

    @Test
    void anAddressRefusedForGoodIsNotTriedAgain() {
        var notice = toApprovers();
        notice.address(List.of(BOB_MAIL, CAROL_MAIL), true, at(0));
        notice.mailed("bob", at(0));

        notice.mailRefused("carol");
        notice.attempted(at(0), true, false, List.of(), BACKOFF);

        assertThat(notice.isDelivered()).isTrue();
        assertThat(notice.recipients()).extracting(Recipient::mailState)
                .containsExactly(MailState.SENT, MailState.NOT_MAILED);
    }

    @Test
    void theWebhookIsWaitedForOnlyWhenThereIsOne() {
        var withHook = toAlice();
        withHook.address(List.of(ALICE_MAIL), false, at(5));
        withHook.attempted(at(5), false, true, List.of("webhook: 503"), BACKOFF);
        assertThat(withHook.isDelivered()).isFalse();
        withHook.webhookPosted(at(6));
        withHook.attempted(at(6), false, true, List.of(), BACKOFF);
        assertThat(withHook.isDelivered()).isTrue();

        var withoutHook = toAlice();
        withoutHook.address(List.of(ALICE_MAIL), false, at(5));
        withoutHook.attempted(at(5), false, false, List.of(), BACKOFF);
        assertThat(withoutHook.isDelivered()).isTrue();
    }

    @Test
    void aNoticeNotYetAddressedIsNotDelivered() {
        var notice = toAlice();

        notice.attempted(at(5), true, false, List.of("directory: Keycloak away"), BACKOFF);

        assertThat(notice.isDelivered()).isFalse();
        assertThat(notice.isAddressed()).isFalse();
    }

    @Test
    void mailSwitchedOffLeavesNothingWaitingForIt() {
        var notice = toAlice();
        notice.address(List.of(ALICE_MAIL), true, at(5));

        notice.attempted(at(6), false, false, List.of(), BACKOFF);

        assertThat(notice.isDelivered()).isTrue();
        assertThat(notice.recipients()).extracting(Recipient::mailState).containsExactly(MailState.NOT_MAILED);
    }

    @Test
    void anAttemptUnderWayIsLeasedAndADeliveredNoticeIsNotTakenAgain() {
        var notice = toAlice();

        assertThat(notice.claim(at(5), Duration.ofMinutes(2))).isTrue();
        assertThat(notice.nextAttemptAt()).isEqualTo(at(7));

        notice.address(List.of(ALICE_MAIL), false, at(5));
        notice.attempted(at(5), false, false, List.of(), BACKOFF);
        assertThat(notice.claim(at(8), Duration.ofMinutes(2))).isFalse();
    }

    @Test
    void theBackoffDoublesUpToItsLongestAndNeverGivesUp() {
        assertThat(BACKOFF.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(BACKOFF.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(BACKOFF.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(BACKOFF.after(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(BACKOFF.after(10_000)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyItsRecipientReadsAMessage() {
        var notice = toAlice();
        var recipient = notice.address(List.of(ALICE_MAIL), false, at(5)).get(0);
        var message = notice.messageFor(recipient);

        assertThatThrownBy(() -> message.markRead("bob", at(6))).isInstanceOf(NotFound.class);
        assertThat(message.isRead()).isFalse();
        assertThat(message.markRead("alice", at(6))).isTrue();
        assertThat(message.markRead("alice", at(7))).as("read once").isFalse();
        assertThat(message.readAt()).contains(at(6));
        assertThat(message.subject()).isEqualTo(notice.subject());
        assertThat(message.writId()).isEqualTo(notice.writId());
    }

    /** A writ's decision-needed notice: to the approver group, never to alice who asked. */
    private static Notice toApprovers() {
        return Notice.aboutWrit(NoticeKind.DECISION_NEEDED, "writ-1", Audience.groups(List.of("approver"),
                List.of("alice")), "Decision needed", "alice asks for prod-db-admin", at(0), null);
    }

    /** The writ's outcome, to alice. */
    private static Notice toAlice() {
        return Notice.aboutWrit(NoticeKind.APPROVED, "writ-1", Audience.people(List.of("alice")), "Approved",
                "Approved by bob and carol", at(5), null);
    }
}

package io.writ.workflow.notice;

import io.writ.domain.identity.Contact;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.notice.MessageBox;
import io.writ.domain.notice.Notice;
import io.writ.domain.writ.WritNotices;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.notice.NoticeWebhook;
import io.writ.domain.notice.Notifier;
import io.writ.domain.ticket.TicketComments;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The courier's steps on the outbox, each in a transaction of its own so that what one step did stays done when
 * the next fails: warn of windows about to end, take due notices, address one, record each mail and post, end the
 * attempt. Nothing here talks to the mail server or the webhook: that happens between these steps.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Outbox {

    /** How long an attempt may take before another may take the notice up again (it died half-way). */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    NoticeOutbox notices;

    @Inject
    MessageBox messages;

    @Inject
    WritRepository writs;

    @Inject
    IdentityDirectory directory;

    @Inject
    Notifier mail;

    @Inject
    NoticeWebhook webhook;

    @Inject
    NotificationSettings settings;

    @Inject
    TicketComments ticketComments;

    Clock clock = Clock.systemUTC();

    /**
     * Records the warning of every active writ whose window ends soon and has none for that end yet: a scan rather
     * than a timer per writ, so an extension that moves the end moves the warning with it. Returns how many.
     */
    public int warnOfExpiry() {
        var now = clock.instant();
        var warning = settings.expiryWarning();
        var due = writs.activeEndingBefore(now.plus(warning)).stream()
                .flatMap(writ -> WritNotices.expiringSoon(writ, now, warning).stream())
                .toList();
        var held = notices.heldAmong(due.stream().map(n -> n.onceKey().orElseThrow()).toList());
        var missing = due.stream().filter(n -> !held.contains(n.onceKey().orElseThrow())).toList();
        missing.forEach(notices::record);
        return missing.size();
    }

    /** Takes up to {@code max} due notices for an attempt; returns their ids. */
    public List<String> claimDue(int max) {
        var now = clock.instant();
        return notices.due(now, max).stream().filter(n -> n.claim(now, LEASE)).map(Notice::id).toList();
    }

    /**
     * Turns the notice's audience into people as the directory knows them now and writes each one's in-app
     * message. A person the directory does not know (any more) still gets the message, without mail.
     *
     * @throws io.writ.domain.identity.DirectoryUnavailable Keycloak is away; the attempt is retried later
     */
    public void address(String noticeId) {
        var notice = require(noticeId);
        if (notice.isAddressed()) {
            return;
        }
        var people = new ArrayList<Contact>();
        for (var user : notice.audience().users()) {
            people.add(directory.contact(user).orElse(new Contact(user, null)));
        }
        for (var group : notice.audience().groups()) {
            people.addAll(directory.membersOf(group));
        }
        for (var recipient : notice.address(people, mail.isOn(), clock.instant())) {
            messages.deliver(notice.messageFor(recipient));
        }
    }

    /** The notice and its writ as they are now, to deliver outside a transaction. */
    public Parcel parcel(String noticeId) {
        var notice = require(noticeId);
        // A notice about an access review campaign has no writ.
        return new Parcel(notice, notice.writId() == null ? null : writs.require(notice.writId()));
    }

    public void mailed(String noticeId, String username) {
        require(noticeId).mailed(username, clock.instant());
    }

    public void mailRefused(String noticeId, String username) {
        require(noticeId).mailRefused(username);
    }

    public void webhookPosted(String noticeId) {
        require(noticeId).webhookPosted(clock.instant());
    }

    public void ticketCommented(String noticeId) {
        require(noticeId).ticketCommented(clock.instant());
    }

    /** Ends the attempt: delivered, or due again after the backoff. Returns the notice as it now stands. */
    public Notice attempted(String noticeId, List<String> problems) {
        var notice = require(noticeId);
        var writHasTicket = notice.writId() != null && writs.require(notice.writId()).ticket().isPresent();
        notice.attempted(clock.instant(), mail.isOn(), webhook.isOn(),
                notice.awaitsTicketComment(writHasTicket, ticketComments.isOn()), problems, settings.backoff());
        return notice;
    }

    /** How much is still to be delivered (for the health check). */
    public NoticeOutbox.Backlog backlog() {
        return notices.backlog();
    }

    private Notice require(String noticeId) {
        return notices.byId(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
    }

    /** A notice with its writ, read in one transaction. */
    public record Parcel(Notice notice, Writ writ) {
    }
}

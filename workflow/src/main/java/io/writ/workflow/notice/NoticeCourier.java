package io.writ.workflow.notice;

import io.writ.domain.notice.DeliveryFailed;
import io.writ.domain.notice.NoticeWebhook;
import io.writ.domain.notice.Notifier;
import io.writ.domain.ticket.TicketComments;
import io.writ.domain.writ.TicketComment;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox every couple of seconds, after the changes the notices are about have committed: a mail
 * server, webhook receiver or Keycloak that is down delays notices, never the writs. Each round warns of windows
 * about to end, then takes the due notices; for each it writes the in-app messages, posts the webhook and mails
 * every recipient still waiting for theirs, recording each success at once, and schedules a retry with backoff
 * for whatever failed.
 *
 * <p>The next round is scheduled when one ends, so rounds never overlap; the timer is not persistent, because the
 * outbox itself is what survives a restart.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@TransactionManagement(TransactionManagementType.BEAN)
public class NoticeCourier {

    private static final Logger LOG = Logger.getLogger(NoticeCourier.class.getName());

    /** Notices taken per round; more wait for the next round, a couple of seconds later. */
    static final int ROUND = 50;

    @Resource
    TimerService timers;

    @Inject
    Outbox outbox;

    @Inject
    Notifier mail;

    @Inject
    NoticeWebhook webhook;

    @Inject
    NotificationSettings settings;

    @Inject
    TicketComments ticketComments;

    @PostConstruct
    void start() {
        LOG.info(() -> "Notices: mail " + (mail.isOn() ? "on" : "off (writ.mail.host unset)") + ", webhook "
                + (webhook.isOn() ? "on" : "off (writ.webhook.url unset)") + ", links to " + settings.portalUrl());
        next();
    }

    @Timeout
    void round() {
        try {
            warnOfExpiry();
            outbox.claimDue(ROUND).forEach(this::deliver);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery round failed; the next round tries again", e);
        } finally {
            next();
        }
    }

    private void next() {
        timers.createSingleActionTimer(settings.everyMillis(), new TimerConfig("notice-courier", false));
    }

    private void warnOfExpiry() {
        try {
            outbox.warnOfExpiry();
        } catch (RuntimeException e) {
            // Two instances may record the same warning at once; the unique key keeps one, the other rolls back.
            LOG.log(Level.FINE, "Expiry warnings not recorded this round", e);
        }
    }

    /** One attempt at one notice; every part that succeeds is recorded at once, so a retry does only the rest. */
    void deliver(String noticeId) {
        var problems = new ArrayList<String>();
        try {
            outbox.address(noticeId);
        } catch (RuntimeException e) {
            problems.add("people not resolved: " + e.getMessage());
        }
        var parcel = outbox.parcel(noticeId);
        var notice = parcel.notice();
        var link = settings.linkFor(notice.kind());
        if (notice.awaitsWebhook(webhook.isOn())) {
            try {
                webhook.post(notice, parcel.writ(), link);
                outbox.webhookPosted(noticeId);
            } catch (DeliveryFailed e) {
                problems.add(e.getMessage());
            }
        }
        var writ = parcel.writ();
        if (writ != null && notice.awaitsTicketComment(writ.ticket().isPresent(), ticketComments.isOn())) {
            try {
                ticketComments.comment(writ.ticket().orElseThrow(),
                        TicketComment.of(notice, writ, settings.portalUrl()));
                outbox.ticketCommented(noticeId);
            } catch (DeliveryFailed e) {
                problems.add("ticket not commented: " + e.getMessage());
            }
        }
        if (mail.isOn()) {
            mailEach(noticeId, parcel, link, problems);
        }
        var attempted = outbox.attempted(noticeId, problems);
        // Said on the first failure and then every tenth, so a mail server away for hours does not flood the log.
        if (!attempted.isDelivered() && (attempted.attempts() == 1 || attempted.attempts() % 10 == 0)) {
            LOG.info(() -> "Notice " + noticeId + " (" + attempted.kind() + ", writ " + attempted.writId()
                    + ") not delivered yet, attempt " + attempted.attempts() + ", next at "
                    + attempted.nextAttemptAt() + ": " + attempted.lastProblem().orElse(""));
        }
    }

    private void mailEach(String noticeId, Outbox.Parcel parcel, String link, List<String> problems) {
        var notice = parcel.notice();
        var text = notice.body() + "\n\nOpen in Writ: " + link + "\n";
        for (var recipient : notice.awaitingMail()) {
            var address = recipient.email().orElseThrow();
            try {
                mail.mail(address, notice.subject(), text);
                outbox.mailed(noticeId, recipient.username());
            } catch (DeliveryFailed e) {
                if (e.isPermanent()) {
                    LOG.warning(() -> "Notice " + noticeId + " not mailed to " + recipient.username() + ": "
                            + e.getMessage());
                    outbox.mailRefused(noticeId, recipient.username());
                } else {
                    problems.add(e.getMessage());
                    return; // the server is away for everyone: the others are mailed on the next attempt
                }
            }
        }
    }
}

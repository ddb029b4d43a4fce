package io.writ.workflow.notice;

import io.writ.domain.NotFound;
import io.writ.domain.notice.InAppMessage;
import io.writ.domain.notice.MessageBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** Where people read their in-app messages: only their own, whatever they ask for. */
@ApplicationScoped
@Transactional
public class MessageDesk {

    /** The most messages a page or API answer lists; older ones stay in the database. */
    static final int MOST = 200;

    @Inject
    MessageBox box;

    Clock clock = Clock.systemUTC();

    /** The person's messages, newest first. */
    public List<InAppMessage> mine(String who) {
        return box.of(who, MOST);
    }

    public long unread(String who) {
        return box.unread(who);
    }

    /** Marks one of the person's messages read; someone else's is {@link NotFound}, as an unknown one is. */
    public InAppMessage markRead(String who, String messageId) {
        var message = box.byId(messageId).orElseThrow(() -> new NotFound("no message " + messageId))
                .requireReader(who);
        message.markRead(who, clock.instant());
        return message;
    }

    /** Marks all the person's messages read; returns how many were unread. */
    public int markAllRead(String who) {
        var now = clock.instant();
        return (int) box.unreadOf(who).stream().filter(m -> m.markRead(who, now)).count();
    }
}

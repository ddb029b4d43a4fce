package io.writ.domain.notice;

import java.util.List;
import java.util.Optional;

/** The in-app messages of each person (a repository port; the adapter keeps them in the database). */
public interface MessageBox {

    /** Keeps a new message; one per notice and recipient, so a repeat changes nothing. */
    void deliver(InAppMessage message);

    /** The person's messages, newest first, at most {@code max}. */
    List<InAppMessage> of(String recipient, int max);

    /** The person's unread messages, oldest first. */
    List<InAppMessage> unreadOf(String recipient);

    /** How many of the person's messages are unread. */
    long unread(String recipient);

    Optional<InAppMessage> byId(String id);
}

package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.notice.InAppMessage;

/** An in-app message as the messages page shows it (time in UTC, ready to print; the page to act on it). */
public record MessageView(String id, String kind, String subject, String body, String at, boolean read,
                          String page, String writId) {

    static MessageView of(InAppMessage m) {
        // Asked to decide: the writ's card in the inbox; told something: one's own writs.
        var page = m.kind().aboutReview() ? "/reviews.xhtml"
                : m.kind().asksForDecision() ? "/inbox.xhtml#writ-" + m.writId() : "/writs.xhtml";
        return new MessageView(m.id(), m.kind().name(), m.subject(), m.body(), UtcTime.minutes(m.createdAt()),
                m.isRead(), page, m.writId());
    }

    /** What the link to the page says. */
    public String pageName() {
        return page.startsWith("/inbox") ? "Decide in the approval inbox"
                : page.startsWith("/reviews") ? "Open access reviews" : "Open my writs";
    }
}

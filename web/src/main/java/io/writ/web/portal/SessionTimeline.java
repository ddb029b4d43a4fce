package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionEvent;

import java.io.Serializable;
import java.util.List;

/** One privileged session under a writ and its events in order: who, when, what, and whether it kept to scope. */
public record SessionTimeline(SessionSummary session, List<Line> events) implements Serializable {

    /** One event; target and detail are absent under LIGHT coverage, which keeps only that it happened. */
    public record Line(String at, String type, String target, String detail, String directory, String scope)
            implements Serializable {

        static Line of(SessionEvent e) {
            return new Line(UtcTime.seconds(e.at()), e.type().name(), e.target().orElse(null),
                    e.detail().orElse(e.contentKept() ? null : "(not kept: LIGHT coverage)"), e.directory().orElse(null),
                    e.inScope().map(in -> in ? "in scope" : "OUT OF SCOPE").orElse("no writ"));
        }
    }

    static SessionTimeline of(PrivilegedSession s, List<SessionEvent> events) {
        return new SessionTimeline(SessionSummary.of(s), events.stream().map(Line::of).toList());
    }
}

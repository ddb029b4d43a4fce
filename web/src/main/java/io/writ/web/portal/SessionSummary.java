package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.session.PrivilegedSession;

import java.io.Serializable;

/** A privileged session as the pages show it: who, where from, when, and what it did, counted. */
public record SessionSummary(String id, String source, String sourceSessionId, String identity, String writId,
                             String link, String coverage, String startedAt, String endedAt, String terminatedAt,
                             long events,
                             long commands, long fileTransfers, long outOfScope) implements Serializable {

    static SessionSummary of(PrivilegedSession s) {
        return new SessionSummary(s.id(), s.source().name(), s.sourceSessionId(), s.identity(), s.writId().orElse(null),
                s.link().name(), s.coverage().name(), UtcTime.minutes(s.startedAt()),
                s.endedAt().map(UtcTime::minutes).orElse(null), s.terminatedAt().map(UtcTime::seconds).orElse(null),
                s.eventCount(), s.commandCount(),
                s.transferCount(), s.outOfScopeCount());
    }
}

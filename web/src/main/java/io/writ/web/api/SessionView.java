package io.writ.web.api;

import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionEvent;

import java.time.Instant;
import java.util.List;

/**
 * A privileged session with its counts, digest, terminal recording (its SHA-256 and size; the content at
 * /api/v1/requests/{id}/sessions/{session}/recording) and the events kept under its coverage.
 */
public record SessionView(String id, String source, String sourceSessionId, String identity, String writId,
                          String link, String coverage, Instant startedAt, Instant endedAt,
                          Instant terminatedAt, long events,
                          long commands, long fileTransfers, long outOfScope, String digest,
                          String recordingSha256, Long recordingBytes, List<EventView> timeline) {

    /**
     * One event: under LIGHT coverage without target, detail and directory. {@code at} is the source's time of the
     * event; {@code receivedAt} when the portal took it in (null: kept before that was measured).
     */
    public record EventView(String eventId, String type, Instant at, Instant receivedAt, String target,
                            String detail, String directory, Boolean inScope) {

        static EventView of(SessionEvent e) {
            return new EventView(e.eventId(), e.type().name(), e.at(), e.receivedAt().orElse(null),
                    e.target().orElse(null), e.detail().orElse(null), e.directory().orElse(null),
                    e.inScope().orElse(null));
        }
    }

    static SessionView of(PrivilegedSession s, List<SessionEvent> events) {
        return new SessionView(s.id(), s.source().name(), s.sourceSessionId(), s.identity(), s.writId().orElse(null),
                s.link().name(), s.coverage().name(), s.startedAt(), s.endedAt().orElse(null), s.terminatedAt().orElse(null), s.eventCount(),
                s.commandCount(), s.transferCount(), s.outOfScopeCount(), s.digest(),
                s.recordingSha256().orElse(null), s.recordingBytes().orElse(null),
                events.stream().map(EventView::of).toList());
    }
}

package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionEvent;
import io.writ.domain.session.SessionEventType;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One privileged session under a writ and its events in order: who, when, what, and whether it kept to scope; with
 * its terminal recording (asciicast text, to replay on the page) and the moments in it a person may jump to.
 */
public record SessionTimeline(SessionSummary session, List<Line> events, Recording recording)
        implements Serializable {

    /** The largest recording replayed on the page; a larger one is downloaded through the API. */
    static final int REPLAYED_BYTES = 4 * 1024 * 1024;

    /** A kept terminal recording: its SHA-256, size, and (when small enough to replay here) its text. */
    public record Recording(String sha256, long bytes, String asciicast, List<Moment> moments)
            implements Serializable {
    }

    /** A command or file transfer, and how far into the recording it happened (seconds). */
    public record Moment(String offset, String at, String what) implements Serializable {
    }

    /** One event; target and detail are absent under LIGHT coverage, which keeps only that it happened. */
    public record Line(String at, String type, String target, String detail, String directory, String scope)
            implements Serializable {

        static Line of(SessionEvent e) {
            return new Line(UtcTime.seconds(e.at()), e.type().name(), e.target().orElse(null),
                    e.detail().orElse(e.contentKept() ? null : "(not kept: LIGHT coverage)"), e.directory().orElse(null),
                    e.inScope().map(in -> in ? "in scope" : "OUT OF SCOPE").orElse("no writ"));
        }
    }

    static SessionTimeline of(PrivilegedSession s, List<SessionEvent> events, Optional<byte[]> recorded) {
        var lines = events.stream().map(Line::of).toList();
        if (s.recordingSha256().isEmpty()) {
            return new SessionTimeline(SessionSummary.of(s), lines, null);
        }
        var moments = events.stream()
                .filter(e -> e.type() == SessionEventType.COMMAND || e.type() == SessionEventType.FILE_TRANSFER)
                .map(e -> new Moment(String.format(Locale.ROOT, "%.3f",
                        Math.max(0, Duration.between(s.startedAt(), e.at()).toMillis() / 1000.0)),
                        UtcTime.seconds(e.at()), e.type() == SessionEventType.COMMAND ? e.detail().orElse("(command)")
                                : e.detail().orElse("file") + " " + e.target().orElse("")))
                .toList();
        var text = recorded.filter(r -> r.length <= REPLAYED_BYTES)
                .map(r -> new String(r, StandardCharsets.UTF_8)).orElse(null);
        return new SessionTimeline(SessionSummary.of(s), lines, new Recording(s.recordingSha256().orElseThrow(),
                s.recordingBytes().orElse(0L), text, moments));
    }
}

package io.writ.domain.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A session's terminal recording, kept as evidence exactly as its sender made it (asciicast v2: a header line, then
 * one line per output, timed). Its SHA-256 and size are on the {@link PrivilegedSession}, which says whether there
 * is one; the content is read only to be replayed or downloaded.
 */
@Entity
@Table(name = "session_recording")
public class SessionRecording {

    /** The largest recording kept. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    public static final String ASCIICAST = "application/x-asciicast";

    @Id
    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Column(nullable = false, length = 30)
    private String format;

    @Column(nullable = false, length = MAX_BYTES)
    private byte[] content;

    protected SessionRecording() {
    }

    static SessionRecording of(PrivilegedSession session, byte[] content) {
        var r = new SessionRecording();
        r.sessionId = session.id();
        r.format = "asciicast-v2";
        r.content = Objects.requireNonNull(content, "content");
        return r;
    }

    /** What is wrong with it as an asciicast v2 recording, or null when nothing is. */
    public static String problem(byte[] content) {
        if (content == null || content.length == 0) {
            return "the recording is empty";
        }
        if (content.length > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes";
        }
        var firstLine = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .lines().findFirst().orElse("");
        return firstLine.startsWith("{") && firstLine.replace(" ", "").contains("\"version\":2") ? null
                : "not an asciicast v2 recording: its first line must be a JSON header with \"version\": 2";
    }

    public String sessionId() { return sessionId; }
    public String format() { return format; }
    public byte[] content() { return content.clone(); }
}

package io.writ.domain.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as a bastion, PSM tool or the identity provider reported it. Checked whole before anything is
 * stored: {@link #problems()} says everything wrong with it, so a sender can fix its events at once.
 *
 * @param eventId   the sender's unique id of the event; a second report of the same id is a duplicate
 * @param sessionId the sender's id of the session the event belongs to
 * @param identity  the Keycloak username that acted (a person, or {@code service-account-<client>} for an NHI)
 * @param target    the system acted on (a host, database, cluster); for a file transfer, its destination
 * @param detail    the command line, the file, the API call; free text
 * @param writ      the id of the writ the session was admitted under, when the sender knows it (a bastion's gate
 *                  does): the session is then filed under that writ, not under a guess from the identity and time
 * @param directory the working directory a command ran in, when the sender knows it
 */
public record ReportedEvent(String eventId, String sessionId, String identity, SessionEventType type, Instant at,
                            String target, String detail, String writ, String directory) {

    /** An event whose sender does not know the writ: Writ links it by the identity and the time. */
    public ReportedEvent(String eventId, String sessionId, String identity, SessionEventType type, Instant at,
                         String target, String detail) {
        this(eventId, sessionId, identity, type, at, target, detail, null, null);
    }

    public static final int MAX_ID = 200;
    public static final int MAX_TARGET = 1000;
    public static final int MAX_DETAIL = 4000;
    public static final int MAX_WRIT_ID = 36;

    /** Everything wrong with the event, as reasons a sender can act on; empty when it can be recorded. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        required("eventId", eventId, MAX_ID, problems);
        required("sessionId", sessionId, MAX_ID, problems);
        required("identity", identity, MAX_ID, problems);
        if (type == null) {
            problems.add("type is required: one of " + SessionEventType.NAMES);
        }
        if (at == null) {
            problems.add("at is required (ISO-8601 UTC, for example 2026-11-28T09:15:00Z)");
        }
        if (target != null && target.length() > MAX_TARGET) {
            problems.add("target: at most " + MAX_TARGET + " characters");
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            problems.add("detail: at most " + MAX_DETAIL + " characters");
        }
        if (writ != null && (writ.isBlank() || writ.length() > MAX_WRIT_ID)) {
            problems.add("writ: the id of a writ, at most " + MAX_WRIT_ID + " characters, or absent");
        }
        if (directory != null && directory.length() > MAX_TARGET) {
            problems.add("directory: at most " + MAX_TARGET + " characters");
        }
        if (type == SessionEventType.FILE_TRANSFER && (target == null || target.isBlank())) {
            problems.add("target is required for FILE_TRANSFER: the destination of the file");
        }
        return problems;
    }

    private static void required(String field, String value, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.length() > max) {
            problems.add(field + ": at most " + max + " characters");
        }
    }

    /** Whether the event ends its session: its sender saw it end, or cut it off. */
    public boolean endsSession() {
        return type == SessionEventType.SESSION_END || type == SessionEventType.SESSION_TERMINATED;
    }

    /**
     * One line that fixes every field of the event, for the session's digest (fields separated unambiguously); the
     * writ and directory are added only when given, so digests of events from before they existed stay as they were.
     */
    String canonical() {
        var line = String.join("\u001f", eventId, sessionId, identity, type.name(), at.toString(),
                target == null ? "" : target, detail == null ? "" : detail);
        if (writ != null || directory != null) {
            line += "\u001f" + (writ == null ? "" : writ) + "\u001f" + (directory == null ? "" : directory);
        }
        return line;
    }
}

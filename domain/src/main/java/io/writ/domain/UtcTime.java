package io.writ.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How people are shown a time, everywhere: in UTC, to the minute ("2026-11-02 09:10 UTC") or to the second. */
public final class UtcTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** "2026-11-02 09:10 UTC"; an empty string for no time. */
    public static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** "2026-11-02 09:10:42 UTC"; an empty string for no time. */
    public static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }
}

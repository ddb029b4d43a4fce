package io.writ.web.home;

import java.time.Duration;

/** Durations as the home page prints them: "3 min 12 s", "1 h 4 min" (times are {@link io.writ.domain.UtcTime}'s). */
final class Wording {

    private Wording() {
    }

    static String duration(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        if (d.compareTo(Duration.ofDays(1)) < 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}

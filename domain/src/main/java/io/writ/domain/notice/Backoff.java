package io.writ.domain.notice;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a notice that could not be delivered waits before the next attempt: the first wait, doubled after each
 * failure, never longer than the longest. A notice is never given up: it waits at most the longest between tries.
 */
public record Backoff(Duration first, Duration longest) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff waits a positive time, the longest at least the first");
        }
    }

    /** The wait after this many failed attempts (1 for the first failure). */
    public Duration after(int failures) {
        var wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}

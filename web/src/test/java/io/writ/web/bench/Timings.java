package io.writ.web.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations in milliseconds, with the percentiles a benchmark reports. */
final class Timings {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void add(double ms) {
        millis.add(ms);
    }

    void addNanos(long nanos) {
        add(nanos / 1_000_000.0);
    }

    int count() {
        return millis.size();
    }

    double percentile(double p) {
        var sorted = sorted();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        var sorted = sorted();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    double mean() {
        return sorted().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** "p50 12.3 ms, p99 45.6 ms, max 78.9 ms (n=100)". */
    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", percentile(50), percentile(99), max(),
                count());
    }

    private List<Double> sorted() {
        List<Double> copy;
        synchronized (millis) {
            copy = new ArrayList<>(millis);
        }
        Collections.sort(copy);
        return copy;
    }
}

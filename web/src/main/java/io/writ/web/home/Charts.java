package io.writ.web.home;

import io.writ.workflow.dashboard.OversightFigures;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.util.List;

/**
 * The home page's charts as Chart.js configurations (what PrimeFaces' {@code p:chart} takes). Timings are drawn as
 * how many writs fell in each band rather than as one mean, so a slow outlier shows as such; the means are printed
 * beside them as text.
 */
final class Charts {

    private static final String STANDING = "#b3261e";
    private static final String JUST_IN_TIME = "#2f6b3a";
    private static final String TIMING = "#1a5fb4";

    /** Bands of time to approve: a person's reaction, from minutes to a working day. */
    static final List<Band> APPROVAL_BANDS = List.of(
            new Band("under 5 min", Duration.ofMinutes(5)),
            new Band("5–30 min", Duration.ofMinutes(30)),
            new Band("30 min–2 h", Duration.ofHours(2)),
            new Band("2–8 h", Duration.ofHours(8)),
            new Band("over 8 h", null));

    /** Bands of revocation lag: the engine's, from seconds (normal) to minutes (an outage). */
    static final List<Band> REVOCATION_BANDS = List.of(
            new Band("under 5 s", Duration.ofSeconds(5)),
            new Band("5–30 s", Duration.ofSeconds(30)),
            new Band("30 s–5 min", Duration.ofMinutes(5)),
            new Band("over 5 min", null));

    /** A band of durations below {@code under} (and at or above the previous band's); null for the last. */
    record Band(String label, Duration under) {
    }

    private Charts() {
    }

    /** How many durations fall in each band, as a bar chart. */
    static String bands(String series, List<Band> bands, OversightFigures.Timing timing) {
        var counts = new int[bands.size()];
        for (var sample : timing.samples()) {
            int i = 0;
            while (bands.get(i).under() != null && sample.compareTo(bands.get(i).under()) >= 0) {
                i++;
            }
            counts[i]++;
        }
        var labels = Json.createArrayBuilder();
        var data = Json.createArrayBuilder();
        for (int i = 0; i < bands.size(); i++) {
            labels.add(bands.get(i).label());
            data.add(counts[i]);
        }
        return bar(labels, Json.createArrayBuilder().add(dataset(series, data, TIMING)), false, "writs");
    }

    /** Per entitlement, identities holding it standing next to those holding it through an active writ. */
    static String privilege(List<OversightFigures.Holding> holdings) {
        var labels = Json.createArrayBuilder();
        var standing = Json.createArrayBuilder();
        var justInTime = Json.createArrayBuilder();
        for (var h : holdings) {
            labels.add(h.entitlement());
            standing.add(h.standing().size());
            justInTime.add(h.justInTime().size());
        }
        return bar(labels, Json.createArrayBuilder()
                .add(dataset("standing", standing, STANDING))
                .add(dataset("just in time (active writ)", justInTime, JUST_IN_TIME)), true, "identities");
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
    }

    private static String bar(JsonArrayBuilder labels, JsonArrayBuilder datasets, boolean legend, String yTitle) {
        var integerTicks = Json.createObjectBuilder().add("precision", 0);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", legend)))
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", integerTicks)
                                        .add("title", Json.createObjectBuilder().add("display", true)
                                                .add("text", yTitle)))))
                .build().toString();
    }
}

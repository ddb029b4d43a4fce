package io.writ.domain.compliance;

import java.util.List;
import java.util.Optional;

/**
 * One live figure for a portal control over a period, with the records it was computed from.
 *
 * @param key        a stable name, e.g. {@code ticket-share}
 * @param control    the portal control it shows working
 * @param name       what it is, for people
 * @param definition how it is computed
 * @param value      the figure (a share in percent, a count, seconds); empty when it cannot be computed: no source
 *                   yet, or nothing in the period to compute it from
 * @param unit       {@code %}, {@code count}, {@code s} or {@code yes/no}
 * @param shown      the figure as people read it, e.g. {@code 100.0 % (4 of 4)} or {@code no evidence source yet}
 * @param sourced    false when the portal has no source for it yet (the mapping still stands; the figure is not zero)
 * @param records    the records behind it
 */
public record EvidenceFigure(String key, PortalControl control, String name, String definition,
                             Optional<Double> value, String unit, String shown, boolean sourced,
                             List<EvidenceRecord> records) {

    public static final String NO_SOURCE = "no evidence source yet";

    public EvidenceFigure {
        records = List.copyOf(records);
    }

    static EvidenceFigure noSource(String key, PortalControl control, String name, String definition, String unit) {
        return new EvidenceFigure(key, control, name, definition, Optional.empty(), unit, NO_SOURCE, false, List.of());
    }

    /** Records that do not pass (a writ without ticket, an unlinked session…). */
    public List<EvidenceRecord> exceptions() {
        return records.stream().filter(r -> !r.passes()).toList();
    }
}

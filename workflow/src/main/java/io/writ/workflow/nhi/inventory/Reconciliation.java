package io.writ.workflow.nhi.inventory;

import io.writ.domain.nhi.InventoriedNhi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one reconciliation found: the NHIs Keycloak has that were not kept, those kept differently from what Keycloak
 * says (Keycloak wins), and those kept that Keycloak no longer has.
 *
 * @param read how many NHIs Keycloak has
 * @param took how long reading Keycloak took
 */
public record Reconciliation(int read, List<InventoriedNhi> added, List<InventoriedNhi> changed,
                             List<String> changes, List<String> removed, Duration took) {

    /** Compares what Keycloak says now with what was kept (by client id). */
    static Reconciliation of(List<InventoriedNhi> read, Map<String, InventoriedNhi> kept, Duration took) {
        var added = new ArrayList<InventoriedNhi>();
        var changed = new ArrayList<InventoriedNhi>();
        var changes = new ArrayList<String>();
        var seen = new java.util.HashSet<String>();
        for (var nhi : read) {
            seen.add(nhi.clientId());
            var before = kept.get(nhi.clientId());
            if (before == null) {
                added.add(nhi);
            } else if (!nhi.sameAs(before)) {
                changed.add(nhi);
                changes.add(nhi.clientId() + ": " + nhi.changesFrom(before));
            }
        }
        var removed = kept.keySet().stream().filter(id -> !seen.contains(id)).sorted().toList();
        return new Reconciliation(read.size(), added, changed, changes, removed, took);
    }

    public int differences() {
        return added.size() + changed.size() + removed.size();
    }

    /** In words, for the audit trail: counts, and the first few of each kind named. */
    public String summary() {
        return "reconciled with Keycloak (" + read + " NHIs there, read in " + took.toMillis() + " ms): "
                + added.size() + " added" + named(added.stream().map(InventoriedNhi::clientId)) + ", "
                + changed.size() + " corrected" + named(changes.stream()) + ", "
                + removed.size() + " removed" + named(removed.stream());
    }

    private static String named(Stream<String> names) {
        var all = names.toList();
        if (all.isEmpty()) {
            return "";
        }
        var shown = all.subList(0, Math.min(all.size(), InventoryRecords.NAMED));
        return " (" + String.join("; ", shown) + (all.size() > shown.size() ? "; and " + (all.size() - shown.size())
                + " more" : "") + ")";
    }
}

package io.writ.domain.compliance;

import io.writ.domain.NotFound;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One version of the whole mapping from the portal's controls to framework controls. Versions are never changed:
 * an edit makes the next version, so every earlier mapping (and who changed what, when) stays readable.
 */
@Entity
@Table(name = "compliance_mapping_version")
public class MappingVersion {

    private static final Comparator<MappingEntry> ORDER = Comparator.comparing(MappingEntry::control)
            .thenComparing(MappingEntry::framework).thenComparing(MappingEntry::controlId);

    @Id
    @Column(name = "version_no")
    private int number;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    /** What changed from the version before, in a sentence. */
    @Column(name = "change_summary", nullable = false, updatable = false, length = 1000)
    private String change;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "compliance_mapping_entry", joinColumns = @JoinColumn(name = "version_no"))
    private List<MappingEntry> entries = new ArrayList<>();

    protected MappingVersion() {
        // for JPA
    }

    private MappingVersion(int number, Instant at, String by, String change, List<MappingEntry> entries) {
        this.number = number;
        this.createdAt = Objects.requireNonNull(at, "at");
        this.createdBy = Objects.requireNonNull(by, "by");
        this.change = change;
        this.entries = new ArrayList<>(entries.stream().sorted(ORDER).toList());
    }

    /** The first version: the mapping as the repository's data file gives it. */
    public static MappingVersion initial(List<MappingEntry> entries, String source, Instant at) {
        return new MappingVersion(1, at, "system", "initial mapping from " + source, entries);
    }

    /** The next version, with this entry added, or replacing the entry for the same pair of controls. */
    public MappingVersion with(MappingEntry entry, String by, Instant at) {
        var next = new ArrayList<MappingEntry>();
        boolean replaced = false;
        for (var e : entries) {
            if (e.samePair(entry)) {
                next.add(entry);
                replaced = true;
            } else {
                next.add(e);
            }
        }
        if (!replaced) {
            next.add(entry);
        }
        return new MappingVersion(number + 1, at, by, (replaced ? "changed " : "added ") + entry
                + ": " + entry.rationale() + entry.note().map(n -> " [note: " + n + "]").orElse(""), next);
    }

    /** The next version, without the entry for this pair of controls; {@link NotFound} when there is none. */
    public MappingVersion without(PortalControl control, String framework, String controlId, String by, Instant at) {
        var gone = entries.stream().filter(e -> e.isFor(control, framework, controlId)).findFirst()
                .orElseThrow(() -> new NotFound("no mapping of " + control + " to " + framework + " " + controlId
                        + " in version " + number));
        var next = new ArrayList<>(entries);
        next.remove(gone);
        return new MappingVersion(number + 1, at, by, "removed " + gone, next);
    }

    /** The framework controls a portal control is mapped to. */
    public List<MappingEntry> of(PortalControl control) {
        return entries.stream().filter(e -> e.control() == control).toList();
    }

    /** The portal controls mapped to one framework control (empty: a gap). */
    public List<MappingEntry> covering(String framework, String controlId) {
        return entries.stream().filter(e -> e.framework().equals(framework) && e.controlId().equals(controlId))
                .toList();
    }

    public int number() { return number; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public String change() { return change; }
    public List<MappingEntry> entries() { return List.copyOf(entries); }
}

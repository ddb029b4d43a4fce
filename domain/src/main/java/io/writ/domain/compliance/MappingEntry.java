package io.writ.domain.compliance;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/**
 * That one portal control addresses one framework control: how (the relationship), why (the rationale), and a note,
 * used among other things to say where the source guidance cited a wrong id and which id is right. A value.
 */
@Embeddable
public class MappingEntry {

    static final int MAX_RATIONALE = 1000;
    static final int MAX_NOTE = 1000;

    @Enumerated(EnumType.STRING)
    @Column(name = "portal_control", nullable = false, length = 40)
    private PortalControl control;

    @Column(nullable = false, length = 40)
    private String framework;

    @Column(name = "control_id", nullable = false, length = 40)
    private String controlId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Relationship relationship;

    @Column(nullable = false, length = MAX_RATIONALE)
    private String rationale;

    @Column(length = MAX_NOTE)
    private String note;

    protected MappingEntry() {
        // for JPA
    }

    private MappingEntry(PortalControl control, String framework, String controlId, Relationship relationship,
                         String rationale, String note) {
        this.control = control;
        this.framework = framework;
        this.controlId = controlId;
        this.relationship = relationship;
        this.rationale = rationale;
        this.note = note;
    }

    /**
     * An entry as someone wrote it, checked field by field against the catalogue: the portal control and the
     * relationship must be known names, the framework control must be in the catalogue, the rationale must be given.
     * Gives {@link InvalidRequest} with every field that is wrong.
     */
    public static MappingEntry of(String control, String framework, String controlId, String relationship,
                                  String rationale, String note, FrameworkCatalogue catalogue) {
        var errors = new ArrayList<FieldError>();
        PortalControl portalControl = null;
        try {
            portalControl = PortalControl.valueOf(Objects.requireNonNullElse(control, "").strip());
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError("portalControl", "one of " + java.util.Arrays.toString(PortalControl.values())));
        }
        var fw = Objects.requireNonNullElse(framework, "").strip();
        var id = Objects.requireNonNullElse(controlId, "").strip();
        if (catalogue.framework(fw).isEmpty()) {
            errors.add(new FieldError("framework", "not a framework of the catalogue: '" + fw + "'"));
        } else if (catalogue.control(fw, id).isEmpty()) {
            var moved = FrameworkCatalogue.CSF_20.equals(fw) ? catalogue.csf20For(id) : java.util.List.<CrosswalkLink>of();
            errors.add(new FieldError("controlId", moved.isEmpty()
                    ? "'" + id + "' is not a control of " + fw + " in the catalogue"
                    : "'" + id + "' is a withdrawn CSF 1.1 id; in CSF 2.0 it is "
                      + String.join(", ", moved.stream().map(CrosswalkLink::csf20Id).toList())));
        }
        var rel = Relationship.ofTerm(Objects.requireNonNullElse(relationship, "").strip());
        if (rel.isEmpty()) {
            errors.add(new FieldError("relationship", "one of equivalent-to, subset-of, superset-of, intersects-with"));
        }
        var why = Objects.requireNonNullElse(rationale, "").strip();
        if (why.isEmpty()) {
            errors.add(new FieldError("rationale", "say why the portal control addresses the framework control"));
        } else if (why.length() > MAX_RATIONALE) {
            errors.add(new FieldError("rationale", "at most " + MAX_RATIONALE + " characters"));
        }
        var n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new MappingEntry(portalControl, fw, id, rel.get(), why, n);
    }

    /** Whether both name the same pair of portal control and framework control. */
    public boolean samePair(MappingEntry other) {
        return control == other.control && framework.equals(other.framework) && controlId.equals(other.controlId);
    }

    public boolean isFor(PortalControl c, String fw, String id) {
        return control == c && framework.equals(fw) && controlId.equals(id);
    }

    public PortalControl control() { return control; }
    public String framework() { return framework; }
    public String controlId() { return controlId; }
    public Relationship relationship() { return relationship; }
    public String rationale() { return rationale; }
    public Optional<String> note() { return Optional.ofNullable(note); }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingEntry e && samePair(e) && relationship == e.relationship
                && rationale.equals(e.rationale) && Objects.equals(note, e.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, framework, controlId);
    }

    @Override
    public String toString() {
        return control + " → " + framework + " " + controlId + " (" + relationship.term() + ")";
    }
}

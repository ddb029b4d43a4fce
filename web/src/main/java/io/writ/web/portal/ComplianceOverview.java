package io.writ.web.portal;

import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.Framework;
import io.writ.domain.compliance.MappingEntry;
import io.writ.domain.compliance.MappingVersion;
import io.writ.domain.compliance.PortalControl;
import io.writ.domain.compliance.Relationship;
import io.writ.workflow.compliance.ComplianceDesk;
import io.writ.workflow.compliance.ComplianceReport;
import io.writ.workflow.compliance.ExportRequest;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The compliance officer's page: coverage of each framework by the portal's controls (gaps shown), the evidence for
 * a period with the records behind each figure, the mapping with its editor and versions, and the export links.
 */
@Named
@ViewScoped
public class ComplianceOverview implements Serializable {

    /** One framework control as a heatmap cell: which portal controls cover it (none: a gap). */
    public record Cell(String id, String title, List<String> coveredBy) implements Serializable {
        public boolean gap() { return coveredBy.isEmpty(); }
        public String level() { return coveredBy.isEmpty() ? "gap" : coveredBy.size() == 1 ? "one" : "many"; }
    }

    public record FrameworkCoverage(String id, String name, String version, int covered, List<Cell> cells)
            implements Serializable {
    }

    @Inject transient ComplianceDesk desk;
    @Inject transient SecurityContext security;

    private String from = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
    private String to = LocalDate.now(ZoneOffset.UTC).toString();
    private transient ComplianceReport report;
    private List<FrameworkCoverage> coverage;
    private List<EvidenceFigure> figures;
    private MappingVersion mapping;
    private List<MappingVersion> versions;

    private String portalControl;
    private String framework;
    private String controlId;
    private String relationship = Relationship.INTERSECTS_WITH.term();
    private String rationale;
    private String note;

    @PostConstruct
    void load() {
        read();
    }

    /** Reads the evidence for the period picked; a wrong period is named beside its field. */
    public void show() {
        PageMessages.attempt(this::read, null, Map.of("from", "period:from", "to", "period:to"));
    }

    public String save() {
        return PageMessages.attempt(() -> desk.put(caller(), portalControl, framework, controlId, relationship,
                        rationale, note), "Mapping saved as a new version", "compliance.xhtml?faces-redirect=true",
                Map.of("portalControl", "edit:portalControl", "framework", "edit:framework",
                        "controlId", "edit:controlId", "relationship", "edit:relationship",
                        "rationale", "edit:rationale", "note", "edit:note"));
    }

    public String remove(MappingEntry e) {
        return PageMessages.attempt(() -> desk.remove(caller(), e.control().name(), e.framework(), e.controlId()),
                "Mapping entry removed; a new version was kept", "compliance.xhtml?faces-redirect=true", Map.of());
    }

    private void read() {
        var period = ExportRequest.of(null, from, to, Instant.now(), false).period();
        report = desk.report(period, caller());
        figures = report.figures();
        mapping = report.mapping();
        versions = desk.history();
        coverage = report.catalogue().frameworks().stream().map(this::coverageOf).toList();
    }

    private FrameworkCoverage coverageOf(Framework f) {
        var cells = report.coverage(f.id()).stream().map(c -> new Cell(c.control().label(), c.control().title(),
                c.coveredBy().stream().map(e -> e.control().title()).toList())).toList();
        return new FrameworkCoverage(f.id(), f.name(), f.version(), (int) cells.stream().filter(c -> !c.gap()).count(),
                cells);
    }

    /** The export link for a format and the period shown. */
    public String exportLink(String format) {
        return "compliance/export?format=" + format + "&from=" + encode(from) + "&to=" + encode(to);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<String> getPortalControls() {
        return java.util.Arrays.stream(PortalControl.values()).map(Enum::name).toList();
    }

    public List<String> getFrameworks() {
        return desk.catalogue().frameworks().stream().map(Framework::id).toList();
    }

    public List<String> getRelationships() {
        return java.util.Arrays.stream(Relationship.values()).map(Relationship::term).toList();
    }

    public List<FrameworkCoverage> getCoverage() { return coverage; }
    public List<EvidenceFigure> getFigures() { return figures; }
    public MappingVersion getMapping() { return mapping; }
    public List<MappingVersion> getVersions() { return versions; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getPortalControl() { return portalControl; }
    public void setPortalControl(String portalControl) { this.portalControl = portalControl; }
    public String getFramework() { return framework; }
    public void setFramework(String framework) { this.framework = framework; }
    public String getControlId() { return controlId; }
    public void setControlId(String controlId) { this.controlId = controlId; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}

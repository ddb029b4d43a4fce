package io.writ.web.api;

import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.EvidenceRecord;
import io.writ.domain.compliance.MappingEntry;
import io.writ.domain.compliance.MappingVersion;
import io.writ.web.security.PortalRole;
import io.writ.workflow.compliance.ComplianceDesk;
import io.writ.workflow.compliance.ExportRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The compliance officer's API: the framework catalogue, the mapping and its versions, edits (each a new version,
 * audited), and the live evidence of a period with the records behind each figure.
 */
@Path("v1/compliance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@RolesAllowed(PortalRole.COMPLIANCE)
public class ComplianceResource {

    /** {@code {portalControl, framework, controlId, relationship, rationale, note?}}. */
    public record EntryBody(String portalControl, String framework, String controlId, String relationship,
                            String rationale, String note) {
    }

    public record EntryView(String portalControl, String framework, String controlId, String relationship,
                            String rationale, String note) {
        static EntryView of(MappingEntry e) {
            return new EntryView(e.control().name(), e.framework(), e.controlId(), e.relationship().term(),
                    e.rationale(), e.note().orElse(null));
        }
    }

    public record VersionView(int version, Instant createdAt, String createdBy, String change,
                              List<EntryView> entries) {
        static VersionView of(MappingVersion v, boolean withEntries) {
            return new VersionView(v.number(), v.createdAt(), v.createdBy(), v.change(),
                    withEntries ? v.entries().stream().map(EntryView::of).toList() : null);
        }
    }

    public record FigureView(String key, String portalControl, String name, String definition, Double value,
                             String unit, String shown, boolean sourced, List<EvidenceRecord> records) {
        static FigureView of(EvidenceFigure f) {
            return new FigureView(f.key(), f.control().name(), f.name(), f.definition(), f.value().orElse(null),
                    f.unit(), f.shown(), f.sourced(), f.records());
        }
    }

    public record EvidenceView(Instant from, Instant to, int mappingVersion, List<FigureView> figures) {
    }

    @Inject
    ComplianceDesk desk;

    @Context
    SecurityContext security;

    @GET
    @Path("frameworks")
    @Operation(summary = "The framework catalogue (from the repository's data files) with the CSF 1.1 → 2.0 crosswalk")
    public Object frameworks() {
        var c = desk.catalogue();
        return java.util.Map.of("frameworks", c.frameworks(), "csf11Crosswalk", c.crosswalk());
    }

    @GET
    @Path("mapping")
    @Operation(summary = "The mapping in force: portal controls → framework controls, with relationship, rationale, note")
    public VersionView mapping() {
        return VersionView.of(desk.currentMapping(), true);
    }

    @GET
    @Path("mapping/versions")
    @Operation(summary = "Every version of the mapping, newest first: who changed what, when")
    public List<VersionView> versions() {
        return desk.history().stream().map(v -> VersionView.of(v, false)).toList();
    }

    @GET
    @Path("mapping/versions/{n}")
    @Operation(summary = "One version of the mapping as it was")
    public VersionView version(@PathParam("n") int n) {
        return VersionView.of(desk.version(n), true);
    }

    @PUT
    @Path("mapping/entries")
    @Operation(summary = "Add a mapping entry, or replace the one for the same portal and framework control: a new "
            + "version; 400 with field errors when the control is not in the catalogue")
    public Response put(EntryBody body) {
        if (body == null) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "a JSON body {portalControl, framework, "
                    + "controlId, relationship, rationale, note} is required", List.of());
        }
        var v = desk.put(caller(), body.portalControl(), body.framework(), body.controlId(), body.relationship(),
                body.rationale(), body.note());
        return Response.ok(VersionView.of(v, true)).build();
    }

    @DELETE
    @Path("mapping/entries")
    @Operation(summary = "Remove the mapping entry of a portal control to a framework control: a new version")
    public VersionView remove(@QueryParam("portalControl") String portalControl,
                              @QueryParam("framework") String framework, @QueryParam("controlId") String controlId) {
        return VersionView.of(desk.remove(caller(), portalControl, framework, controlId), true);
    }

    @GET
    @Path("evidence")
    @Operation(summary = "Every evidence figure for the period (from/to: ISO dates or instants; default the last 30 "
            + "days), each with the records behind it")
    public EvidenceView evidence(@QueryParam("from") String from, @QueryParam("to") String to) {
        var request = ExportRequest.of(null, from, to, Instant.now(), false);
        var report = desk.report(request.period(), caller());
        return new EvidenceView(report.period().from(), report.period().to(), report.mapping().number(),
                report.figures().stream().map(FigureView::of).toList());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}

package io.writ.web.api;

import io.writ.web.security.PortalRole;
import io.writ.workflow.compliance.ExportRequest;
import io.writ.workflow.compliance.FrameworkExports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * Compliance exports: the mapping of the portal's controls to framework controls with the live evidence of a period.
 * Compliance officers only; each export is recorded in the audit trail before it streams.
 */
@Path("v1/exports")
@RequestScoped
@Tag(name = "Compliance")
@RolesAllowed(PortalRole.COMPLIANCE)
public class ExportResource {

    @Inject
    FrameworkExports exports;

    @Context
    SecurityContext security;

    @GET
    @Path("frameworks")
    @Operation(summary = "The mapping with its evidence for a period: format=csv, xlsx, pdf, oscal (OSCAL 1.1.2 "
            + "assessment results) or bundle (zip with SHA256SUMS and the latest signed audit checkpoint); from/to "
            + "are ISO dates or instants (default: the 30 days before now)")
    public Response frameworks(@QueryParam("format") String format, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        var request = ExportRequest.of(format, from, to, Instant.now(), true);
        var export = exports.prepare(request.format().orElseThrow(), request.period(),
                security.getUserPrincipal().getName());
        StreamingOutput body = out -> export.writing().to(out);
        return Response.ok(body, export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }
}

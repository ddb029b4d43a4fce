package io.writ.web.api;

import io.writ.domain.nhi.NhiQuery;
import io.writ.web.security.PortalRole;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import io.writ.workflow.nhi.inventory.ReconciliationRun;
import io.writ.workflow.nhi.inventory.ReconciliationRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;

/** The non-human identities in Keycloak, their owners and findings, and rotating their secrets. */
@Path("v1/nhis")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Non-human identities")
public class NhiResource {

    @Inject
    NhiDesk nhis;

    @Inject
    ReconciliationRuns runs;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /**
     * A page of the inventory as Writ keeps it (Keycloak is not asked): the body is the page's NHIs, as before paging
     * existed; how many the filters select in all is in {@code X-Total-Count}.
     */
    @GET
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "NHIs with owner, secret age, last use, standing privileged roles and findings: paged "
            + "(page from 0, size up to 500, default 100), sorted (clientId, owner, secretAge, lastUsed; '-' for "
            + "descending) and filtered (owner, finding, standingRole, secretOlderThanDays, unusedForDays); the total "
            + "is in X-Total-Count")
    public Response page(@QueryParam("owner") String owner, @QueryParam("finding") String finding,
                         @QueryParam("standingRole") String standingRole,
                         @QueryParam("secretOlderThanDays") Integer secretOlderThanDays,
                         @QueryParam("unusedForDays") Integer unusedForDays, @QueryParam("sort") String sort,
                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        var found = nhis.page(NhiQuery.of(owner, finding, standingRole, secretOlderThanDays, unusedForDays, sort,
                page, size));
        return Response.ok(found.nhis().stream().map(NhiView::of).toList())
                .header("X-Total-Count", found.total()).build();
    }

    @GET
    @Path("{clientId}")
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "One NHI as the inventory keeps it")
    public NhiView one(@PathParam("clientId") String clientId) {
        return NhiView.of(nhis.one(clientId));
    }

    /** A reconciliation asked for, as the API shows it: while it runs, then what it found or why it failed. */
    public record ReconciliationView(String id, String state, String askedBy, Instant askedAt, Instant finishedAt,
                                     Integer read, Integer added, Integer corrected, Integer removed,
                                     Long keycloakReadMillis, String summary, String failure) {
        static ReconciliationView of(ReconciliationRun run) {
            return new ReconciliationView(run.id(), run.state().name(), run.askedBy(), run.askedAt(),
                    run.finishedAt().orElse(null), run.read().orElse(null), run.added().orElse(null),
                    run.corrected().orElse(null), run.removed().orElse(null), run.keycloakReadMillis().orElse(null),
                    run.summary().orElse(null), run.failure().orElse(null));
        }
    }

    @POST
    @Path("reconciliations")
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY})
    @Operation(summary = "Reconcile the inventory with Keycloak now (it is also done at start and on a schedule): "
            + "whatever Writ keeps differently from Keycloak is corrected, and the correction recorded. Taken at once "
            + "(202, Location of the run; at 50,000 NHIs it reads Keycloak for minutes); while one runs, that one is "
            + "answered")
    public Response reconcile() {
        var run = runs.ask(security.getUserPrincipal().getName());
        return Response.accepted(ReconciliationView.of(run))
                .location(uri.getBaseUriBuilder().path(NhiResource.class).path("reconciliations").path(run.id())
                        .build())
                .build();
    }

    @GET
    @Path("reconciliations/{id}")
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY})
    @Operation(summary = "How a reconciliation asked for stands: RUNNING, DONE with what it found, or FAILED and why")
    public ReconciliationView reconciliation(@PathParam("id") String id) {
        return ReconciliationView.of(runs.one(id));
    }

    @POST
    @Path("{clientId}/rotations")
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY})
    @Operation(summary = "Rotate the NHI's client secret now: the old secret stops working, the owner is told")
    public Response rotate(@PathParam("clientId") String clientId) {
        nhis.requestRotation(clientId, RotationReason.ON_DEMAND, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("clientId", clientId, "status", "ROTATION_STARTED")).build();
    }
}

package io.writ.web.api;

import io.writ.workflow.catalogue.CatalogueDesk;
import io.writ.workflow.catalogue.EntitlementForm;
import io.writ.web.security.PortalRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The catalogue of privileged entitlements that can be asked for. */
@Path("v1/entitlements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entitlements")
public class EntitlementResource {

    @Inject
    CatalogueDesk catalogue;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
            PortalRole.ADMIN})
    @Operation(summary = "The privileged entitlements, with risk tier, maximum window and approvals required")
    public List<EntitlementView> list() {
        return catalogue.all().stream().map(EntitlementView::of).toList();
    }

    @POST
    @RolesAllowed(PortalRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a privileged Keycloak realm role, client role or group to the catalogue")
    public Response add(EntitlementForm form) {
        if (form == null) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "a JSON body is required", List.of());
        }
        var added = catalogue.add(form, security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(EntitlementView.of(added)).build();
    }

    @PUT
    @Path("{name}")
    @RolesAllowed(PortalRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise an entitlement's policy: tier, window, approvals, approver group, review cadence, owner")
    public EntitlementView revise(@PathParam("name") String name, EntitlementForm form) {
        if (form == null) {
            throw new jakarta.ws.rs.BadRequestException(ProblemMapper.problem(Response.Status.BAD_REQUEST,
                    "a JSON body is required", List.of()));
        }
        return EntitlementView.of(catalogue.revise(name, form, security.getUserPrincipal().getName()));
    }
}

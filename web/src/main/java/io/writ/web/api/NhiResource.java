package io.writ.web.api;

import io.writ.web.security.PortalRole;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The non-human identities in Keycloak, their owners and findings, and rotating their secrets. */
@Path("v1/nhis")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Non-human identities")
public class NhiResource {

    @Inject
    NhiDesk nhis;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({PortalRole.ADMIN, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "Every NHI with owner, secret age, last use, standing privileged roles and findings")
    public List<NhiView> all() {
        return nhis.inventory().stream().map(NhiView::of).toList();
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

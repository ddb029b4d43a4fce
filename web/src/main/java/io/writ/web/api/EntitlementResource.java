package io.writ.web.api;

import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.web.security.PortalRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
    EntitlementCatalogue catalogue;

    @GET
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
            PortalRole.ADMIN})
    @Operation(summary = "The privileged entitlements, with risk tier, maximum window and approvals required")
    public List<EntitlementView> list() {
        return catalogue.all().stream().map(EntitlementView::of).toList();
    }
}

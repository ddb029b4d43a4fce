package io.writ.web.api;

import io.writ.web.security.PortalRole;
import io.writ.workflow.receipt.Receipts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A writ's receipt: every step of its grant and revocation as measured, Keycloak's own record of each change, and
 * the token residue, signed with the audit trail's Ed25519 key. {@code signedText} is exactly what was signed (the
 * receipt itself, as JSON); docs/receipts.md shows how to check it offline with openssl.
 */
@Path("v1/requests/{id}/receipt")
@RequestScoped
@Tag(name = "Writs")
public class ReceiptResource {

    @Inject
    Receipts receipts;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "The writ's grant and revocation receipt, signed (Ed25519): {receipt, signedText, "
            + "signature, algorithm, publicKeyPem}")
    public String receipt(@PathParam("id") String id) {
        var overseer = security.isUserInRole(PortalRole.SECURITY) || security.isUserInRole(PortalRole.COMPLIANCE);
        return receipts.of(id, security.getUserPrincipal().getName(), overseer).asJson();
    }
}

package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.review.ReviewDecision;
import io.writ.web.security.PortalRole;
import io.writ.workflow.review.ReviewDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Access review campaigns: admins and compliance start them and read every report; a reviewer reads the campaigns
 * that hold their items and decides their own items (the item itself checks who may decide it).
 */
@Path("v1/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access reviews")
public class ReviewResource {

    @Inject
    ReviewDesk reviews;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /**
     * {@code {scope?, deadline?}}: scope is a list of patterns ({@code *} wildcards) matched against entitlement
     * names and NHI client ids, empty or absent for everything; deadline an ISO-8601 duration (default P14D).
     */
    public record StartBody(List<String> scope, String deadline) {
    }

    /** {@code {decision: KEEP or REVOKE or CONVERT_TO_JIT, reason}}; keeping needs a reason. */
    public record DecideBody(String decision, String reason) {
        ReviewDecision parsed() {
            return Arrays.stream(ReviewDecision.values()).filter(d -> d.name().equals(decision)).findFirst()
                    .orElseThrow(() -> InvalidRequest.of("decision", "KEEP, REVOKE or CONVERT_TO_JIT"));
        }
    }

    @POST
    @Path("campaigns")
    @RolesAllowed({PortalRole.ADMIN, PortalRole.COMPLIANCE})
    @Operation(summary = "Start an access review campaign now over the standing assignments in Keycloak and the NHI "
            + "credentials the scope matches")
    public Response start(StartBody body) {
        var campaign = reviews.start(body == null ? null : body.scope(), body == null ? null : body.deadline(),
                caller());
        return Response.created(uri.getAbsolutePathBuilder().path(campaign.id()).build())
                .entity(Map.of("id", campaign.id(), "state", campaign.state().name(),
                        "items", campaign.items().size()))
                .build();
    }

    @GET
    @Path("campaigns/{id}")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
            PortalRole.ADMIN})
    @Operation(summary = "The campaign report: counts, and its items with their evidence and decisions, paged (page "
            + "from 0, size up to 500, default 100; itemCount and X-Total-Count say how many in all); for admin, "
            + "compliance and the campaign's reviewers")
    public Response report(@PathParam("id") String id, @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size) {
        var report = CampaignView.of(reviews.report(id, caller(), isOverseer(), page, size));
        return Response.ok(report).header("X-Total-Count", report.itemCount()).build();
    }

    @GET
    @Path("items")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
            PortalRole.ADMIN})
    @Operation(summary = "The review items I still owe a decision on (open or overdue), with their evidence, oldest "
            + "campaign first: paged (page from 0, size up to 500, default 100); how many I owe in all is in "
            + "X-Total-Count")
    public Response mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        var owed = reviews.awaitingDecisionBy(caller(), page, size);
        return Response.ok(owed.items().stream().map(CampaignView.ItemView::of).toList())
                .header("X-Total-Count", owed.total()).build();
    }

    @POST
    @Path("items/{id}/decision")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
            PortalRole.ADMIN})
    @Operation(summary = "Decide a review item: KEEP (reason required), REVOKE or CONVERT_TO_JIT; acts in Keycloak at "
            + "once; 403 when it is not the caller's item or their own access, 409 when already decided")
    public CampaignView.ItemView decide(@PathParam("id") String id, DecideBody body) {
        if (body == null) {
            throw InvalidRequest.of("decision", "KEEP, REVOKE or CONVERT_TO_JIT");
        }
        return CampaignView.ItemView.of(reviews.decide(id, caller(), body.parsed(), body.reason()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private boolean isOverseer() {
        return security.isUserInRole(PortalRole.ADMIN) || security.isUserInRole(PortalRole.COMPLIANCE);
    }
}

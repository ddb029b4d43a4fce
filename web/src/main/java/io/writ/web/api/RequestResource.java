package io.writ.web.api;

import io.writ.domain.NotFound;
import io.writ.domain.Sha256;
import io.writ.domain.session.SessionRecording;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritQueries;
import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.workflow.sessions.SessionEvidence;
import io.writ.web.security.PortalRole;
import io.writ.web.security.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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

import java.util.List;
import java.util.Map;

/**
 * Writs: ask for elevation, decide, end, and read them back. Roles are checked here and rules in the model: the
 * decision endpoints are open to approvers and to security (sponsors of third-party administrators and the default
 * backup group), and the writ itself decides who of them may decide on it.
 */
@Path("v1/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Writs")
public class RequestResource {

    @Inject
    WritDesk writs;

    @Inject
    WritQueries queries;

    @Inject
    BreakGlassDesk breakGlass;

    @Inject
    SessionEvidence evidence;

    @Inject
    SignedIn signedIn;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "Ask for a privileged entitlement for a window, backed by a ticket; 401 with RFC 9470's "
            + "challenge when the entitlement asks for a recent sign-in with a second factor and the token's is not")
    public Response submit(SubmitBody body) {
        if (body == null) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "a JSON body is required", List.of());
        }
        var writ = writs.submit(caller(), signedIn.current(), body.form());
        return Response.created(uri.getAbsolutePathBuilder().path(writ.id()).build())
                .entity(Map.of("id", writ.id(), "status", writ.state().name()))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "One writ: its state, decisions and grant")
    public WritView one(@PathParam("id") String id) {
        return WritView.of(queries.visibleTo(id, caller(), isOverseer()));
    }

    /** The writ's process as bpmn-js draws it, with where the writ stands. */
    public record DiagramView(String id, String bpmnXml, List<String> active, List<String> completed,
                              String currentStep) {
    }

    @GET
    @Path("{id}/diagram")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "The writ's process diagram: the BPMN XML of the process version it runs on, the element "
            + "ids active now and those already completed, and the current step in words")
    public DiagramView diagram(@PathParam("id") String id) {
        var diagram = queries.diagramOf(id, caller(), isOverseer());
        return new DiagramView(id, diagram.bpmnXml(), diagram.active(), diagram.completed(), diagram.currentStep());
    }

    @POST
    @Path("{id}/post-incident-review")
    @RolesAllowed(PortalRole.SECURITY)
    @Operation(summary = "Record security's post-incident review of a break-glass writ (findings required)")
    public WritView postIncidentReview(@PathParam("id") String id, ReviewBody body) {
        return WritView.of(breakGlass.recordPostIncidentReview(id, caller(), body == null ? null : body.findings()));
    }

    /** {@code {usedAsIntended, comment}}: a comment is required when the access was not used as intended. */
    public record PostAccessReviewBody(Boolean usedAsIntended, String comment) {
    }

    @POST
    @Path("{id}/post-access-review")
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "Say whether the ended writ's access was used as intended (its requester, or the owner of "
            + "its NHI); 409 before its access is revoked or once answered")
    public WritView postAccessReview(@PathParam("id") String id, PostAccessReviewBody body) {
        if (body == null) {
            throw new io.writ.domain.InvalidRequest(List.of(new io.writ.domain.FieldError("usedAsIntended",
                    "true or false is required")));
        }
        return WritView.of(writs.answerPostAccessReview(id, caller(), body.usedAsIntended(), body.comment()));
    }

    @GET
    @Path("{id}/sessions")
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "The privileged sessions linked to a writ, with their events (as coverage keeps them)")
    public List<SessionView> sessions(@PathParam("id") String id) {
        var writ = queries.visibleTo(id, caller(), isOverseer());
        return evidence.linkedTo(writ.id()).stream().map(s -> SessionView.of(s, evidence.eventsOf(s.id()))).toList();
    }

    @GET
    @Path("{id}/sessions/{session}/recording")
    @Produces(SessionRecording.ASCIICAST)
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE})
    @Operation(summary = "A linked session's terminal recording (asciicast v2), as kept; its SHA-256 in Digest")
    public Response recording(@PathParam("id") String id, @PathParam("session") String session) {
        var writ = queries.visibleTo(id, caller(), isOverseer());
        var recording = evidence.recordingOf(writ.id(), session)
                .orElseThrow(() -> new NotFound("no recording of session " + session + " under writ " + id));
        var content = recording.content();
        return Response.ok(content, SessionRecording.ASCIICAST)
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        Sha256.digest().digest(content)))
                .build();
    }

    @GET
    @RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY})
    @Operation(summary = "My writs (?mine=true), the writs awaiting my decision (?awaitingMe=true), or the ended "
            + "writs whose post-access review I owe (?postAccessReviewDue=true)")
    public List<WritView> list(@QueryParam("mine") boolean mine, @QueryParam("awaitingMe") boolean awaitingMe,
                               @QueryParam("postAccessReviewDue") boolean postAccessReviewDue) {
        if ((mine ? 1 : 0) + (awaitingMe ? 1 : 0) + (postAccessReviewDue ? 1 : 0) != 1) {
            throw new BadRequestException(ProblemMapper.problem(Response.Status.BAD_REQUEST,
                    "ask for exactly one of mine=true, awaitingMe=true or postAccessReviewDue=true", List.of()));
        }
        if (postAccessReviewDue) {
            requireRole(PortalRole.REQUESTER);
            return queries.awaitingPostAccessReview(caller()).stream().map(WritView::of).toList();
        }
        if (mine) {
            requireRole(PortalRole.REQUESTER);
            return queries.mine(caller()).stream().map(WritView::of).toList();
        }
        if (!security.isUserInRole(PortalRole.APPROVER) && !security.isUserInRole(PortalRole.SECURITY)) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        return queries.awaiting(caller()).stream().map(WritView::of).toList();
    }

    @POST
    @Path("{id}/decisions")
    @RolesAllowed({PortalRole.APPROVER, PortalRole.SECURITY})
    @Operation(summary = "Approve or reject (a comment is required to reject); 403 when separation of duties "
            + "forbids it, 409 when the writ awaits no decision, 401 with RFC 9470's challenge when the writ's entitlement "
            + "asks for a recent sign-in with a second factor and the token's is not")
    public WritView decide(@PathParam("id") String id, DecisionBody body) {
        if (body == null) {
            throw new BadRequestException(ProblemMapper.problem(Response.Status.BAD_REQUEST,
                    "a JSON body {decision, comment} is required", List.of()));
        }
        return WritView.of(writs.decide(id, caller(), signedIn.current(), body.parsed(), body.comment()));
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "End the window now: the entitlement is revoked")
    public WritView end(@PathParam("id") String id) {
        return WritView.of(writs.endNow(id, caller()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "Withdraw a writ that is not approved yet")
    public WritView cancel(@PathParam("id") String id) {
        return WritView.of(writs.cancel(id, caller()));
    }

    /** {@code {minutes}}: how much longer the window should run. */
    public record ExtensionBody(Integer minutes) {
    }

    @POST
    @Path("{id}/extension")
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "Ask for more time on an active writ; approvers decide, and without approval the end stands")
    public WritView requestExtension(@PathParam("id") String id, ExtensionBody body) {
        if (body == null || body.minutes() == null) {
            throw new io.writ.domain.InvalidRequest(List.of(new io.writ.domain.FieldError("minutes", "is required")));
        }
        return WritView.of(writs.requestExtension(id, caller(), body.minutes()));
    }

    @POST
    @Path("{id}/extension/decisions")
    @RolesAllowed({PortalRole.APPROVER, PortalRole.SECURITY})
    @Operation(summary = "Approve or reject the pending extension (a comment is required to reject)")
    public WritView decideExtension(@PathParam("id") String id, DecisionBody body) {
        if (body == null) {
            throw new BadRequestException(ProblemMapper.problem(Response.Status.BAD_REQUEST,
                    "a JSON body {decision, comment} is required", List.of()));
        }
        return WritView.of(writs.decideExtension(id, caller(), signedIn.current(), body.parsed(),
                body.comment()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private boolean isOverseer() {
        return security.isUserInRole(PortalRole.SECURITY) || security.isUserInRole(PortalRole.COMPLIANCE);
    }

    private void requireRole(String role) {
        if (!security.isUserInRole(role)) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
    }
}

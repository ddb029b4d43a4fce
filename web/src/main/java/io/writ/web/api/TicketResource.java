package io.writ.web.api;

import io.writ.domain.ticket.Ticket;
import io.writ.domain.ticket.TicketFacts;
import io.writ.workflow.tickets.ConfiguredTicketSystem;
import io.writ.workflow.tickets.TicketDesk;
import io.writ.web.security.PortalRole;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tickets: what the ticket system says of one (for a requester typing it), and the built-in registry's tickets,
 * registered and closed by an admin (closing ends the writs they back). With an external ticket system the
 * registry takes nothing: the tickets are the system's.
 */
@Path("v1/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@RolesAllowed(PortalRole.ADMIN)
public class TicketResource {

    /** {@code {ref, title, state}}; state OPEN (default) or CLOSED. */
    public record TicketBody(String ref, String title, String state) {
    }

    public record TicketView(String ref, String title, String state, Instant registeredAt, Instant closedAt) {
        static TicketView of(Ticket t) {
            return new TicketView(t.ref(), t.title(), t.state().name(), t.registeredAt(), t.closedAt());
        }
    }

    /** What the ticket system says of a ticket, and why it could not back the caller's writ (null when it could). */
    public record TicketCheck(String ref, String state, String message, String title, String systemState,
                              String owner, Instant plannedFrom, Instant plannedTo, String refusal) {
    }

    @Inject
    TicketDesk desk;

    @Inject
    ConfiguredTicketSystem tickets;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Register a ticket in the built-in registry")
    public Response register(TicketBody body) {
        if (body == null) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "a JSON body {ref, title, state} is required",
                    List.of());
        }
        var ticket = desk.register(body.ref(), body.title(), body.state(), caller());
        return Response.status(Response.Status.CREATED).entity(TicketView.of(ticket)).build();
    }

    @POST
    @Path("{ref}/close")
    @Operation(summary = "Close a ticket: the active writs it backs end now (reason TICKET_CLOSED)")
    public Map<String, Object> close(@PathParam("ref") String ref) {
        var ended = desk.close(ref, caller());
        return Map.of("ref", ref, "state", "CLOSED", "endedWrits", ended.stream().map(w -> w.id()).toList());
    }

    @GET
    @Path("{ref}/check")
    @RolesAllowed(PortalRole.REQUESTER)
    @Operation(summary = "What the ticket system says of a ticket now, and whether it could back the caller's writ "
            + "of durationMinutes (default 60) starting now")
    public TicketCheck check(@PathParam("ref") String ref, @QueryParam("durationMinutes") Integer minutes) {
        var status = tickets.check(ref);
        var now = Instant.now();
        var refusal = status.refusal(caller(), now,
                minutes == null ? 60 : Math.max(1, Math.min(minutes, 60 * 24 * 30)));
        var facts = status.facts();
        return new TicketCheck(ref, status.state().name(), status.message(),
                facts.map(TicketFacts::title).orElse(null), facts.map(TicketFacts::systemState).orElse(null),
                facts.flatMap(TicketFacts::owner).orElse(null), facts.flatMap(TicketFacts::plannedFrom).orElse(null),
                facts.flatMap(TicketFacts::plannedTo).orElse(null), refusal.orElse(null));
    }

    @GET
    @Operation(summary = "Every registered ticket, newest first")
    public List<TicketView> all() {
        return desk.all().stream().map(TicketView::of).toList();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}

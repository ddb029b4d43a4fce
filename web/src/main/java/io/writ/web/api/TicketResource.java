package io.writ.web.api;

import io.writ.domain.ticket.Ticket;
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

/** The built-in ticket registry: register tickets and close them (closing ends the writs they back). */
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

    @Inject
    TicketDesk desk;

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
    @Operation(summary = "Every registered ticket, newest first")
    public List<TicketView> all() {
        return desk.all().stream().map(TicketView::of).toList();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}

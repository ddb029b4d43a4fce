package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.alert.TriageOutcome;
import io.writ.web.security.PortalRole;
import io.writ.workflow.containment.AlertDesk;
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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Security's alert queue: open alerts with their evidence, containment on demand, and triage. */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(PortalRole.SECURITY)
public class AlertResource {

    @Inject
    AlertDesk alerts;

    @Context
    SecurityContext security;

    @GET
    @Path("alerts")
    @Operation(summary = "Alerts not yet triaged, newest first")
    public List<AlertView> open() {
        return alerts.open().stream().map(AlertView::of).toList();
    }

    @GET
    @Path("alerts/{id}")
    @Operation(summary = "One alert")
    public AlertView one(@PathParam("id") String id) {
        return AlertView.of(alerts.require(id));
    }

    @POST
    @Path("alerts/{id}/contain")
    @Operation(summary = "Contain now: end the writ as CONTAINED, log the identity out, rotate an NHI's secret")
    public AlertView contain(@PathParam("id") String id) {
        return AlertView.of(alerts.contain(id, caller()));
    }

    @POST
    @Path("alerts/{id}/triage")
    @Operation(summary = "Dismiss (with a comment), confirm or escalate an alert")
    public AlertView triage(@PathParam("id") String id, TriageBody body) {
        return AlertView.of(alerts.triage(id, caller(), outcome(body), body == null ? null : body.comment()));
    }

    private static TriageOutcome outcome(TriageBody body) {
        var name = body == null ? null : body.outcome();
        try {
            return TriageOutcome.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("outcome", "one of DISMISS, CONFIRM, ESCALATE");
        }
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}

package io.writ.web.api;

import io.writ.domain.ticket.Ticket;
import io.writ.workflow.tickets.ConfiguredTicketSystem;
import io.writ.workflow.tickets.RegisteredTickets;
import io.writ.workflow.tickets.TicketDesk;
import io.writ.workflow.tickets.TicketSettings;
import io.writ.workflow.webhook.NoticeSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The signed inbound webhook through which a ticket system pushes a ticket's state
 * ({@code POST /api/v1/tickets/events}): no sign-in, but the body must carry the HMAC-SHA256 of its exact bytes
 * under the shared secret ({@code writ.tickets.webhook-secret}) as {@code X-Writ-Signature: sha256=<hex>}, and its
 * {@code at} must be within five minutes of now. Anything else changes nothing. With the built-in registry the push
 * is the ticket's state (kept, and checked at submission); with Request Tracker it is RT's own notification of a
 * status change, and a closed state ends the ticket's writs at once (RT stays where its tickets are read).
 */
@Path("v1/tickets/events")
@RequestScoped
@PermitAll
@Tag(name = "Tickets")
public class TicketPushResource {

    static final String SIGNATURE = NoticeSignature.HEADER;
    static final Duration FRESH = Duration.ofMinutes(5);
    private static final String ACTOR = "ticket-system";

    @Inject
    TicketSettings settings;

    @Inject
    ConfiguredTicketSystem tickets;

    @Inject
    RegisteredTickets registry;

    @Inject
    TicketDesk desk;

    Clock clock = Clock.systemUTC();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket system pushes a ticket's state (signed with the shared secret)")
    public Response push(byte[] body, @HeaderParam(SIGNATURE) String signature) {
        var secret = settings.webhookSecret();
        if (secret.isEmpty()) {
            return ProblemMapper.problem(Response.Status.NOT_FOUND,
                    "ticket pushes are off (writ.tickets.webhook-secret is not set)", List.of());
        }
        if (body == null || signature == null || !NoticeSignature.matches(body, secret.get(), signature)) {
            return ProblemMapper.problem(Response.Status.UNAUTHORIZED, "the body's " + SIGNATURE
                    + " (sha256=<HMAC-SHA256 of the body under the shared secret>) is missing or does not match",
                    List.of());
        }
        JsonObject json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "the body is not a JSON object", List.of());
        }
        var errors = new ArrayList<Map<String, String>>();
        var ref = text(json, "ref");
        var state = text(json, "state");
        var at = instant(json, "at", errors);
        if (ref == null) {
            errors.add(error("ref", "is required"));
        } else if (!tickets.external() && !registry.wellFormed(ref)) {
            errors.add(error("ref", "expected the format " + registry.format()));
        }
        if (state == null) {
            errors.add(error("state", "is required: the ticket's state in the system's own words"));
        }
        if (at == null && !json.containsKey("at")) {
            errors.add(error("at", "is required: when the ticket system sent it (ISO-8601)"));
        } else if (at != null && Duration.between(at, clock.instant()).abs().compareTo(FRESH) > 0) {
            errors.add(error("at", "more than " + FRESH.toMinutes() + " minutes from now: a push is sent as it "
                    + "happens (an old one may be a replay)"));
        }
        var from = instant(json, "plannedFrom", errors);
        var to = instant(json, "plannedTo", errors);
        if (!errors.isEmpty()) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "the push is not one Writ can take", errors);
        }
        var open = settings.openStates().contains(state.strip().toLowerCase(Locale.ROOT));
        if (tickets.external()) {
            // The system's own notification (RT's scrip): its tickets stay there; a closure ends their writs now.
            var ended = open ? List.<io.writ.domain.writ.Writ>of() : desk.closedInSystem(ref, ACTOR, true);
            return Response.ok(Map.of("ref", ref, "state", open ? "OPEN" : "CLOSED", "endedWrits",
                    ended.stream().map(w -> w.id()).toList())).build();
        }
        var title = text(json, "title");
        var push = new Ticket.Pushed(title == null ? ref : cut(title, 500), open, cut(state.strip(), 50),
                text(json, "owner"), people(json), from, to);
        var ended = desk.pushed(ref, push, at, ACTOR);
        return Response.ok(Map.of("ref", ref, "state", open ? "OPEN" : "CLOSED", "endedWrits",
                ended.stream().map(w -> w.id()).toList())).build();
    }

    private static String text(JsonObject json, String field) {
        var value = json.get(field);
        return value instanceof JsonString s && !s.getString().isBlank() ? s.getString().strip() : null;
    }

    private static Set<String> people(JsonObject json) {
        var people = new HashSet<String>();
        var value = json.get("involved");
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().stream().filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString().strip()).filter(p -> !p.isEmpty() && p.length() <= 200)
                    .limit(200).forEach(people::add);
        }
        return people;
    }

    private static Instant instant(JsonObject json, String field, List<Map<String, String>> errors) {
        var text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error(field, "'" + text + "' is not an ISO-8601 instant (for example 2026-12-07T10:00:00Z)"));
            return null;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}

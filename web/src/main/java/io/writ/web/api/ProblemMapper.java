package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.NotPermitted;
import io.writ.domain.WritException;
import io.writ.domain.Conflict;
import io.writ.domain.stepup.StepUpRequired;
import io.writ.domain.writ.WritStateConflict;
import io.writ.web.CauseChain;
import io.writ.web.ClientGone;
import io.writ.web.Incident;
import io.writ.web.Interruption;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns what went wrong into a clear JSON answer: a business rule's refusal into 400 (with field errors), 403, 404
 * or 409, wherever in the cause chain it sits (the process engine wraps what its listeners throw); an unreadable
 * body into 400; an {@link Interruption} (Keycloak away, the database not taking the change in time under load)
 * into 503 (the transaction rolled back, so nothing changed; the client may retry); a caller who hung up
 * ({@link ClientGone}) into a 400 nobody reads; anything else into a 500 that
 * gives nothing away but an {@link Incident} id, under which it is logged in full. A conflict about a writ says the
 * state the writ is in.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException web && !(web.getCause() instanceof JsonbException)) {
            return web.getResponse();
        }
        var cause = CauseChain.first(exception, t -> CauseChain.isAnswer(t) || t instanceof JsonbException);
        if (cause.isEmpty() && ClientGone.is(exception)) {
            ClientGone.log("an API call", exception);
            return problem(Response.Status.BAD_REQUEST, "the connection closed before the request was read",
                    List.of());
        }
        if (cause.isEmpty()) {
            var incident = Incident.record("unexpected failure answering an API call", exception);
            return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 500, "error", "unexpected failure of the portal (incident " + incident
                            + "); nothing is known to have changed, and the incident is in the portal's log",
                            "incident", incident, "errors", List.of()))
                    .build();
        }
        if (cause.get() instanceof WritException refusal) {
            return refused(refusal);
        }
        if (cause.get() instanceof JsonbException unreadable) {
            return problem(Response.Status.BAD_REQUEST, "the body is not the JSON this endpoint takes: "
                    + unreadable.getMessage(), List.of());
        }
        var interruption = Interruption.of(cause.get()).orElseThrow();
        LOG.warning(() -> "Answered 503, nothing changed: " + cause.get());
        var unavailable = problem(Response.Status.SERVICE_UNAVAILABLE, interruption.message(), List.of());
        return interruption.busy() ? Response.fromResponse(unavailable).header("Retry-After", "1").build()
                : unavailable;
    }

    private static Response refused(WritException refusal) {
        if (refusal instanceof StepUpRequired needed) {
            return StepUpChallenge.of(needed);
        }
        if (refusal instanceof InvalidRequest invalid) {
            return problem(Response.Status.BAD_REQUEST, invalid.getMessage(), invalid.errors().stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        if (refusal instanceof WritStateConflict conflict && conflict.state() != null) {
            // What happened to the writ, so a caller who came second knows where it stands without asking again.
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 409, "error", conflict.getMessage(), "state", conflict.state().name(),
                            "errors", List.of()))
                    .build();
        }
        var status = refusal instanceof NotPermitted ? Response.Status.FORBIDDEN
                : refusal instanceof NotFound ? Response.Status.NOT_FOUND
                : refusal instanceof Conflict ? Response.Status.CONFLICT
                : Response.Status.BAD_REQUEST;
        return problem(status, refusal.getMessage(), List.of());
    }

    static Response problem(Response.Status status, String message, List<Map<String, String>> errors) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status.getStatusCode(), "error", message, "errors", errors))
                .build();
    }
}

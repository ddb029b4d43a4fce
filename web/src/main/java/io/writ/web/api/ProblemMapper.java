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
import io.writ.web.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns what went wrong into a clear answer in problem details ({@link Problem}): a business rule's refusal into 400
 * (with field errors), 403, 404 or 409, wherever in the cause chain it sits (the process engine wraps what its
 * listeners throw); an unreadable body into 400; an {@link Interruption} (Keycloak away, the database not taking the
 * change in time under load) into 503 (the transaction rolled back, so nothing changed; the client may retry); a
 * caller who hung up ({@link ClientGone}) into a 400 nobody reads; anything else into a 500 that gives nothing away but
 * an {@link Incident} id, under which it is logged in full. A conflict about a writ says the state the writ is in.
 * JAX-RS's own refusals without a body (a {@code @RolesAllowed} 403) are answered by {@link ApiRefusals}.
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
            var status = Response.Status.INTERNAL_SERVER_ERROR;
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), "unexpected failure of the portal "
                            + "(incident " + incident + "); nothing is known to have changed, and the incident is in "
                            + "the portal's log")
                    .with("incident", incident).response();
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
        var status = Response.Status.SERVICE_UNAVAILABLE;
        var unavailable = Problem.of(status.getStatusCode(), status.getReasonPhrase(), interruption.message());
        return (interruption.busy() ? unavailable.header("Retry-After", "1") : unavailable).response();
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
            var status = Response.Status.CONFLICT;
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), conflict.getMessage())
                    .with("state", conflict.state().name()).response();
        }
        var status = refusal instanceof NotPermitted ? Response.Status.FORBIDDEN
                : refusal instanceof NotFound ? Response.Status.NOT_FOUND
                : refusal instanceof Conflict ? Response.Status.CONFLICT
                : Response.Status.BAD_REQUEST;
        return problem(status, refusal.getMessage(), List.of());
    }

    static Response problem(Response.Status status, String message, List<Map<String, String>> errors) {
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), message).with("errors", errors).response();
    }
}

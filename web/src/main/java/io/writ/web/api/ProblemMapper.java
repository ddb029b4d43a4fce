package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.NotPermitted;
import io.writ.domain.WritException;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.Conflict;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what went wrong into a clear JSON answer: a business rule's refusal into 400 (with field errors), 403, 404
 * or 409, wherever in the cause chain it sits (the process engine wraps what its listeners throw); an unreadable
 * body into 400; Keycloak being away, or a database lock not free in time under load, into 503 (the transaction
 * rolled back, so nothing changed; the client may retry); anything else into a 500 that gives nothing away and is
 * logged in full.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web && !(web.getCause() instanceof JsonbException)) {
            return web.getResponse();
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof WritException refusal) {
                return refused(refusal);
            }
            if (t instanceof DirectoryUnavailable away) {
                LOG.warning(away::getMessage);
                return problem(Response.Status.SERVICE_UNAVAILABLE, "Keycloak cannot be reached right now; nothing "
                        + "was changed, try again shortly", List.of());
            }
            if (isLockWait(t)) {
                var lockWait = t;
                LOG.warning(() -> "A database lock was not free in time; answered 503: " + lockWait);
                return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, "the portal is busy (a "
                        + "database lock was not free in time); nothing was changed, try again shortly", List.of()))
                        .header("Retry-After", "1").build();
            }
            if (t instanceof JsonbException) {
                return problem(Response.Status.BAD_REQUEST, "the body is not the JSON this endpoint takes: "
                        + t.getMessage(), List.of());
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering an API call", exception);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "unexpected failure; see the portal log", List.of());
    }

    /**
     * A lock not granted in time (H2's lock timeout, a pessimistic lock refused) or a transaction the database
     * rolled back to break a deadlock or a serialization conflict (SQL state class 40): load, not a bad request.
     */
    private static boolean isLockWait(Throwable t) {
        return t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof SQLTransientException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40");
    }

    private static Response refused(WritException refusal) {
        if (refusal instanceof InvalidRequest invalid) {
            return problem(Response.Status.BAD_REQUEST, invalid.getMessage(), invalid.errors().stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
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

package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.writ.NoSuchWrit;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.persistence.PessimisticLockException;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.stepup.StepUpRequired;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's answers to failures that are load rather than a bad request: a lock not free in time is a 503 the
 * client may retry (the transaction rolled back), never the 500 "unexpected failure" a bench of 32 requesters got.
 */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aLockTimeoutDeepInTheCauseChainIsABusyPortalToRetry() {
        // As the container hands it over: H2's lock timeout, converted by Hibernate, wrapped by the EJB container.
        var h2 = new SQLTimeoutException("Timeout trying to lock table \"AUDIT_CHAIN_HEAD\"", "HYT00", 50200);
        var failure = new EJBException(new PessimisticLockException("could not lock the head", h2));

        var answer = mapper.toResponse(failure);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(error(answer)).contains("busy").contains("nothing was changed").doesNotContain("AUDIT_CHAIN_HEAD");
    }

    @Test
    void aWeakSignInIsAnsweredWithRfc9470sChallengeWhereverTheEngineWrappedIt() {
        var needed = new StepUpRequired(new StepUp(15), "deciding on writ w-1 (k8s-cluster-admin) needs a "
                + "sign-in with a second factor (acr mfa) at most 15 min old; this one: acr \"password\"");

        var answer = mapper.toResponse(new IllegalStateException("task listener failed", needed));

        assertThat(answer.getStatus()).isEqualTo(401);
        assertThat(answer.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"writ\", "
                + "error=\"insufficient_user_authentication\", error_description=\"" + needed.getMessage()
                .replace('"', '\'') + "\", acr_values=\"mfa\", max_age=900");
        assertThat(error(answer)).isEqualTo(needed.getMessage());
    }

    @Test
    void aDeadlockOrSerializationConflictBrokenByTheDatabaseIsABusyPortalToo() {
        var postgres = new SQLException("could not serialize access due to concurrent update", "40001");

        assertThat(mapper.toResponse(new IllegalStateException("commit failed", postgres)).getStatus())
                .isEqualTo(503);
    }

    @Test
    void aCallerWhoHungUpMidBodyIsNoIncidentOfThePortal() {
        // A bastion agent whose network went away while it sent a recording: the container's read ends early.
        var cut = new java.io.EOFException("Closed by peer");

        var answer = mapper.toResponse(new java.io.UncheckedIOException(new java.io.IOException("read", cut)));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(error(answer)).contains("connection closed");
    }

    @Test
    void anIoFailureOfThePortalItselfIsStillAnIncident() {
        var answer = mapper.toResponse(new java.io.UncheckedIOException(new java.io.IOException("disk full")));

        assertThat(answer.getStatus()).isEqualTo(500);
    }

    @Test
    void aPoolConnectionNotFreeInTimeIsABusyPortalThatDoesNotSpeakOfLocks() {
        var pool = new SQLTransientConnectionException("Error in allocating a connection. Cause: In-use connections "
                + "equal max-pool-size and expired max-wait-time. Cannot allocate more connections.");

        var answer = mapper.toResponse(new EJBException(new IllegalStateException("no connection", pool)));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(error(answer)).contains("busy").doesNotContain("lock").doesNotContain("max-pool-size");
    }

    @Test
    void keycloakAwayIsAServiceUnavailableThatNamesKeycloakWithoutAskingForAnImmediateRetry() {
        var answer = mapper.toResponse(new EJBException(new DirectoryUnavailable("connection refused", null)));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isNull();
        assertThat(error(answer)).isEqualTo("Keycloak cannot be reached right now; nothing was changed, try again "
                + "shortly");
    }

    @Test
    void anythingElseIsAnIncidentWhoseIdTheCallerIsGivenAndTheLogHolds() {
        var logged = new java.util.ArrayList<java.util.logging.LogRecord>();
        var log = java.util.logging.Logger.getLogger(io.writ.web.Incident.class.getName());
        var handler = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord record) { logged.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(handler);
        try {
            var answer = mapper.toResponse(new IllegalStateException("secret detail",
                    new SQLException("syntax error", "42000")));

            assertThat(answer.getStatus()).isEqualTo(500);
            var incident = (String) ((java.util.Map<?, ?>) answer.getEntity()).get("incident");
            assertThat(incident).hasSize(8);
            assertThat(error(answer)).contains("incident " + incident).doesNotContain("secret detail");
            assertThat(logged).singleElement().satisfies(record -> {
                assertThat(record.getMessage()).startsWith(io.writ.web.Incident.MARK + " incident " + incident);
                assertThat(record.getThrown()).hasMessage("secret detail");
            });
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void othersChangingTheSameWritAgainAndAgainIsABusyPortalNotAFault() {
        var answer = mapper.toResponse(new io.writ.domain.ConcurrentChange("others changed the same writ at the same "
                + "moment 8 times; nothing was changed, try again", null));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void aConflictAboutAWritSaysTheStateTheWritIsIn() {
        var answer = mapper.toResponse(new io.writ.domain.writ.WritStateConflict(
                io.writ.domain.writ.WritState.CANCELLED, "writ w-1 is CANCELLED and awaits no decision"));

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((java.util.Map<?, ?>) answer.getEntity()).get("state")).isEqualTo("CANCELLED");
        assertThat(error(answer)).isEqualTo("writ w-1 is CANCELLED and awaits no decision");
    }

    @Test
    void aRefusalWrappedByTheContainerIsAnsweredAsTheModelSaidIt() {
        var answer = mapper.toResponse(new EJBTransactionRolledbackException("rolled back", new NoSuchWrit("w-1")));

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(error(answer)).isEqualTo("no writ w-1");
    }

    @Test
    void fieldErrorsAreNamedOneByOne() {
        var answer = mapper.toResponse(new EJBException(InvalidRequest.of("ticket", "is closed")));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((Map<?, ?>) answer.getEntity()).get("errors"))
                .isEqualTo(List.of(Map.of("field", "ticket", "message", "is closed")));
    }

    @Test
    void anUnreadableBodyIsABadRequestEvenWhenWhatItHitWasARefusal() {
        // The outermost answer in the chain wins: the body could not be read, whatever refused it underneath.
        var answer = mapper.toResponse(new WebApplicationException(
                new JsonbException("unexpected token", InvalidRequest.of("durationMinutes", "is not a number"))));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(error(answer)).startsWith("the body is not the JSON this endpoint takes: unexpected token");
    }

    @Test
    void aRefusalOfTheModelIsAForbiddenProblem() {
        var answer = mapper.toResponse(new io.writ.domain.NotPermitted("alice may not approve her own writ"));

        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(answer.getMediaType()).hasToString("application/problem+json");
        @SuppressWarnings("unchecked")
        var body = (Map<String, Object>) answer.getEntity();
        assertThat(body).containsEntry("type", "about:blank")
                .containsEntry("title", "Forbidden").containsEntry("status", 403)
                .containsEntry("detail", "alice may not approve her own writ")
                .containsEntry("error", "alice may not approve her own writ").containsEntry("errors", List.of());
    }

    private static String error(jakarta.ws.rs.core.Response answer) {
        return String.valueOf(((Map<?, ?>) answer.getEntity()).get("error"));
    }
}

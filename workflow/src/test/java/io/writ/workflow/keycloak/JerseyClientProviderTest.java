package io.writ.workflow.keycloak;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin client's Jersey logs nothing for the requests the admin API is designed with (a DELETE with a body, a
 * PUT without one), which would otherwise be a warning on every revocation; its other warnings still show.
 */
class JerseyClientProviderTest {

    @Test
    void theComplianceWarningsOfTheAdminApisOwnRequestsAreDroppedAndNothingElse() {
        new JerseyClientProvider(); // as the admin client makes it
        var jersey = Logger.getLogger("org.glassfish.jersey.client.JerseyInvocation");

        assertThat(jersey.getFilter().isLoggable(warning("Entity must be null for http method DELETE."))).isFalse();
        assertThat(jersey.getFilter().isLoggable(warning("Entity must not be null for http method PUT."))).isFalse();
        assertThat(jersey.getFilter().isLoggable(warning("Client response status: 500"))).isTrue();
    }

    private static LogRecord warning(String message) {
        return new LogRecord(Level.WARNING, message);
    }
}

package io.writ.web.health;

import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.workflow.keycloak.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The portal can call Keycloak's admin API with its own credentials (what every grant and revocation needs). */
@Readiness
@ApplicationScoped
public class KeycloakHealth implements HealthCheck {

    @Inject
    IdentityDirectory directory;

    @Inject
    KeycloakSettings settings;

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("keycloak")
                .withData("url", settings.url())
                .withData("realm", settings.realm());
        try {
            directory.verifyReachable();
            return health.up().build();
        } catch (DirectoryUnavailable | jakarta.ws.rs.WebApplicationException e) {
            return health.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

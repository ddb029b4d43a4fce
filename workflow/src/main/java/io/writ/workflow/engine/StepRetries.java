package io.writ.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a process step that calls Keycloak is retried (a Camunda retry cycle) before it becomes an incident; an
 * incident is retried again by itself once Keycloak answers ({@link IncidentRecovery}). Every process gets it as a
 * variable when it starts. See docs/configuration.md.
 */
@ApplicationScoped
public class StepRetries {

    @Inject
    @ConfigProperty(name = "writ.keycloak.retry-cycle", defaultValue = "R10/PT30S")
    String keycloakRetryCycle;

    public String keycloakRetryCycle() {
        return keycloakRetryCycle;
    }
}

package io.writ.web.health;

import io.writ.workflow.tickets.ConfiguredTicketSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The ticket system answers Writ's account. DOWN while it does not and new requests are refused for it
 * ({@code writ.tickets.when-unreachable=refuse}, the default); writs already active go on meanwhile.
 */
@Readiness
@ApplicationScoped
public class TicketSystemHealth implements HealthCheck {

    @Inject
    ConfiguredTicketSystem tickets;

    @Override
    public HealthCheckResponse call() {
        var reach = tickets.probe();
        var health = HealthCheckResponse.named("ticket-system").withData("system", tickets.describe());
        reach.lastAnsweredAt().ifPresent(at -> health.withData("lastAnsweredAt", at.toString()));
        if (reach.reachable()) {
            return health.up().build();
        }
        health.withData("error", reach.lastProblem().orElse("not answering"))
                .withData("newRequests", tickets.refusesWhenUnreachable() ? "refused" : "taken unchecked");
        return (tickets.refusesWhenUnreachable() ? health.down() : health.up()).build();
    }
}

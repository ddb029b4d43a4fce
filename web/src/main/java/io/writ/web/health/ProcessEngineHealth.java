package io.writ.web.health;

import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The process engine is up, reads its tables, and its job executor runs. Jobs that ran out of retries are
 * incidents: the engine still works, but someone must look, so they are reported here.
 */
@Readiness
@ApplicationScoped
public class ProcessEngineHealth implements HealthCheck {

    @Inject
    ProcessEngineStartup startup;

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("process-engine");
        try {
            var engine = startup.engine();
            var jobExecutorActive = startup.jobExecutorActive();
            var incidents = engine.getRuntimeService().createIncidentQuery().count();
            // Jobs that should have run a while ago (a grant or revocation waiting): a stalled executor shows here.
            var overdue = engine.getManagementService().createJobQuery().executable()
                    .duedateLowerThan(java.util.Date.from(java.time.Instant.now().minusSeconds(30))).count();
            return health.status(jobExecutorActive)
                    .withData("engine", engine.getName())
                    .withData("jobExecutor", jobExecutorActive ? "active" : "stopped")
                    .withData("incidents", incidents)
                    .withData("overdueJobs", overdue)
                    .build();
        } catch (RuntimeException e) {
            return health.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

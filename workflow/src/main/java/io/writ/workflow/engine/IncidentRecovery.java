package io.writ.workflow.engine;

import io.writ.bpmn.ProcessModels;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.IdentityDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.runtime.Incident;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A grant or revocation whose retries ran out while Keycloak was away is an incident, shown by the health check.
 * It must not stay one: as soon as Keycloak answers again, this gives each such job a fresh retry, so the
 * revocation completes by itself without anyone stepping in.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class IncidentRecovery {

    private static final Logger LOG = Logger.getLogger(IncidentRecovery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ProcessEngineStartup startup;

    @Inject
    IdentityDirectory directory;

    @Inject
    @ConfigProperty(name = "writ.incidents.recheck-seconds", defaultValue = "15")
    int recheckSeconds;

    @Inject
    @ConfigProperty(name = "writ.incidents.slow-retry-minutes", defaultValue = "5")
    int slowRetryMinutes;

    private static final Set<String> KEYCLOAK_STEPS = Set.of(ProcessModels.TASK_GRANT, ProcessModels.TASK_REVOKE,
            ProcessModels.TASK_CONTAIN_WRIT, ProcessModels.TASK_ROTATE_SECRET, ProcessModels.TASK_REGENERATE_SECRET);

    private static boolean causedByKeycloakAway(Incident incident) {
        return incident.getIncidentMessage() != null && incident.getIncidentMessage().contains(DirectoryUnavailable.MARK);
    }

    @PostConstruct
    void schedule() {
        long every = recheckSeconds * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("incident-recovery", false));
    }

    @Timeout
    void retryWhenKeycloakIsBack() {
        var engine = startup.engine();
        var incidents = engine.getRuntimeService().createIncidentQuery()
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE).list();
        if (incidents.isEmpty()) {
            return;
        }
        try {
            directory.verifyReachable();
        } catch (DirectoryUnavailable stillAway) {
            return;
        }
        // What failed because Keycloak was away is retried at once; a grant or revocation that failed for another
        // reason is retried now and then, so no revocation is ever given up, while it stays visible as an incident.
        var slowRetryBefore = Date.from(Instant.now().minusSeconds(slowRetryMinutes * 60L));
        incidents.removeIf(incident -> !causedByKeycloakAway(incident)
                && !(KEYCLOAK_STEPS.contains(incident.getActivityId())
                        && incident.getIncidentTimestamp().before(slowRetryBefore)));
        for (var incident : incidents) {
            engine.getManagementService().setJobRetries(incident.getConfiguration(), 1);
            LOG.info(() -> "Keycloak answers again: retrying job " + incident.getConfiguration() + " of process "
                    + incident.getProcessInstanceId() + " (" + incident.getActivityId() + ")");
        }
    }
}

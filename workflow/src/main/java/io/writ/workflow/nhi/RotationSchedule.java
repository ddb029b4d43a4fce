package io.writ.workflow.nhi;

import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.workflow.persistence.SharedLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Rotation by policy: now and then, every NHI whose secret is older than the policy allows gets a rotation. */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class RotationSchedule {

    private static final Logger LOG = Logger.getLogger(RotationSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    NhiDesk nhis;

    @Inject
    SharedLocks locks;

    @Inject
    @ConfigProperty(name = "writ.nhi.rotation-check-minutes", defaultValue = "60")
    int checkMinutes;

    @PostConstruct
    void schedule() {
        long every = checkMinutes * 60_000L;
        timers.createIntervalTimer(every, every, new TimerConfig("nhi-rotation-schedule", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rotateWhatPolicyRequires() {
        // Every node's timer fires; the first to claim the round does it.
        if (!locks.claimRound("nhi-rotation-schedule", Duration.ofMinutes(checkMinutes))) {
            return;
        }
        try {
            var started = nhis.rotateWhatPolicyRequires();
            if (started > 0) {
                LOG.info(() -> started + " NHI secret rotation(s) started: older than policy");
            }
        } catch (DirectoryUnavailable away) {
            LOG.fine("Keycloak is away; secrets are looked at again on the next check");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for NHI secrets older than policy failed; trying again later", e);
        }
    }
}

package io.writ.workflow.review;

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

/**
 * Reviews by cadence: now and then, every entitlement whose review cadence has run out since the last campaign
 * that covered it (and every NHI, on the NHI cadence) goes into one new campaign.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class ReviewSchedule {

    private static final Logger LOG = Logger.getLogger(ReviewSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReviewDesk reviews;

    @Inject
    SharedLocks locks;

    @Inject
    @ConfigProperty(name = "writ.reviews.cadence-check-minutes", defaultValue = "60")
    int checkMinutes;

    @PostConstruct
    void schedule() {
        long every = checkMinutes * 60_000L;
        timers.createIntervalTimer(every, every, new TimerConfig("access-review-cadence", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void startWhatCadenceRequires() {
        // Every node's timer fires; the first to claim the round does it.
        if (!locks.claimRound("access-review-cadence", Duration.ofMinutes(checkMinutes))) {
            return;
        }
        try {
            reviews.startWhatCadenceRequires().ifPresent(c ->
                    LOG.info(() -> "access review campaign " + c.id() + " started by cadence: " + c.items().size()
                            + " item(s)"));
        } catch (DirectoryUnavailable away) {
            LOG.fine("Keycloak is away; review cadence is looked at again on the next check");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Starting the access reviews the cadence requires failed; trying again later", e);
        }
    }
}

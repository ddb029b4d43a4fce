package io.writ.workflow.receipt;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, Keycloak's records are read as a witness of grants and revocations ({@link KeycloakWitness}).
 * Every node's timer fires; the first to claim the round looks. On start, records of the last hour are read again:
 * a record read twice judges nothing twice and raises no second alert.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class WitnessSchedule {

    private static final Logger LOG = Logger.getLogger(WitnessSchedule.class.getName());
    static final String ROUND = "keycloak-witness";

    @Resource
    TimerService timers;

    @Inject
    KeycloakWitness witness;

    @Inject
    SharedLocks locks;

    @Inject
    @ConfigProperty(name = "writ.receipts.witness-seconds", defaultValue = "5")
    int everySeconds;

    private Instant seenUntil = Instant.now().minus(KeycloakWitness.LOOK_BACK);

    @PostConstruct
    void schedule() {
        long every = everySeconds * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig(ROUND, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void look() {
        if (!locks.claimRound(ROUND, Duration.ofSeconds(everySeconds))) {
            return;
        }
        try {
            seenUntil = witness.look(seenUntil);
        } catch (DirectoryUnavailable away) {
            LOG.fine(() -> "Keycloak is away; its records are read on the next look: " + away.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading Keycloak's records of grants and revocations failed; trying again on the "
                    + "next look", e);
        }
    }
}

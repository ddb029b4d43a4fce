package io.writ.workflow.audit;

import io.writ.domain.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the checkpoint key on the first start, and signs the chain's end in quiet times: appending signs after every
 * N records, but the last records before a quiet spell would otherwise stay unsigned until the next append.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class PeriodicCheckpoints {

    private static final Logger LOG = Logger.getLogger(PeriodicCheckpoints.class.getName());

    /** How often the schedule is looked at; the schedule itself says whether a checkpoint is due. */
    private static final long LOOK_EVERY_MILLIS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    AuditTrail audit;

    @Inject
    AuditSettings settings;

    @Inject
    CheckpointKeyFile key;

    @PostConstruct
    void start() {
        var schedule = settings.schedule(); // a bad setting stops the deployment here, not at the first append
        key.seal();
        LOG.info(() -> "Audit checkpoints every " + schedule.everyRecords() + " records or " + schedule.every()
                + ", signed with the key in " + key.path().toAbsolutePath());
        timers.createIntervalTimer(LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS, new TimerConfig("audit-checkpoints", false));
    }

    @Timeout
    void signIfDue() {
        try {
            audit.checkpointIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sign an audit checkpoint; trying again in a minute", e);
        }
    }
}

package io.writ.workflow.nhi.inventory;

import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.workflow.persistence.SharedLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
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
 * Keeps the NHI inventory: a reconciliation of the whole realm soon after start and then every
 * {@code writ.nhi.reconcile-minutes} (followed by the removal of standing privileged roles from NHIs nobody has owned
 * for {@code writ.nhi.unowned-max-days}), and Keycloak's changes followed every {@code writ.nhi.follow-seconds}. Every
 * node's timers fire; the first to claim a round does it. Changes are read once they are {@link #SETTLE} old, so a
 * writ's grant to an NHI has committed before the role it added is judged standing or not; a look starts a little
 * before where the last ended (a change read twice is read again, harmlessly).
 */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class InventorySchedule {

    private static final Logger LOG = Logger.getLogger(InventorySchedule.class.getName());
    static final String RECONCILIATION = "nhi-inventory-reconciliation";
    static final String CHANGES = "nhi-inventory-changes";
    /** Held while the inventory is compared and written, by one node and one thread at a time. */
    static final String WRITES = "nhi-inventory-writes";
    static final Duration SETTLE = Duration.ofSeconds(2);

    @Resource
    TimerService timers;

    @Inject
    InventoryKeeper keeper;

    @Inject
    SharedLocks locks;

    @Inject
    @ConfigProperty(name = "writ.nhi.reconcile-minutes", defaultValue = "60")
    int reconcileMinutes;

    @Inject
    @ConfigProperty(name = "writ.nhi.follow-seconds", defaultValue = "2")
    int followSeconds;

    /** How long an NHI may go without an accountable owner before it loses its standing privileged roles. */
    @Inject
    @ConfigProperty(name = "writ.nhi.unowned-max-days", defaultValue = "30")
    int unownedMaxDays;

    /** Whether it loses them then (fail closed), or only shows the finding. */
    @Inject
    @ConfigProperty(name = "writ.nhi.unowned-removes-standing-roles", defaultValue = "true")
    boolean unownedRemovesStandingRoles;

    /** How far back a look reads at most (after a start, or a node whose rounds others took for a while). */
    static final Duration LOOK_BACK = Duration.ofMinutes(10);

    private Instant followedUntil = Instant.now().minus(LOOK_BACK);
    private boolean reconciledSinceStart;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(Duration.ofSeconds(5).toMillis(), Duration.ofMinutes(reconcileMinutes).toMillis(),
                new TimerConfig(RECONCILIATION, false));
        long every = followSeconds * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig(CHANGES, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (RECONCILIATION.equals(timer.getInfo())) {
            reconcile();
        } else {
            follow();
        }
    }

    private void reconcile() {
        // After a start, unless another node has just reconciled: changes made while no node ran are not followed.
        var round = reconciledSinceStart ? Duration.ofMinutes(reconcileMinutes) : Duration.ofMinutes(1);
        if (!locks.claimRound(RECONCILIATION, round)) {
            return;
        }
        reconciledSinceStart = true;
        try {
            keeper.reconcile();
            if (unownedRemovesStandingRoles) {
                var removed = keeper.removeStandingRolesOfUnowned(Duration.ofDays(unownedMaxDays));
                if (removed > 0) {
                    LOG.info(() -> removed + " standing privileged role(s) removed from NHIs nobody has owned for "
                            + unownedMaxDays + " days");
                }
            }
        } catch (DirectoryUnavailable away) {
            LOG.warning(() -> "Keycloak is away; the NHI inventory is reconciled on the next round: "
                    + away.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling the NHI inventory with Keycloak failed; trying on the next round", e);
        }
    }

    private void follow() {
        if (!locks.claimRound(CHANGES, Duration.ofSeconds(followSeconds))) {
            return;
        }
        var upTo = Instant.now().minus(SETTLE);
        var from = followedUntil.minus(SETTLE);
        try {
            keeper.follow(from.isBefore(upTo.minus(LOOK_BACK)) ? upTo.minus(LOOK_BACK) : from, upTo);
            followedUntil = upTo;
        } catch (DirectoryUnavailable away) {
            LOG.fine(() -> "Keycloak is away; its changes are followed on the next look: " + away.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Following Keycloak's changes of NHIs failed; trying on the next look", e);
        }
    }
}

package io.writ.workflow.nhi.inventory;

import io.writ.domain.NotFound;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciliations of the NHI inventory asked for through the API: taken at once and run in the background, because
 * at 50,000 NHIs reading Keycloak takes minutes, longer than a caller or a proxy between may wait for one answer. A
 * run is kept in the database, so that any node answers how it stands; while one runs, asking again answers that one
 * rather than starting a second.
 */
@ApplicationScoped
public class ReconciliationRuns {

    private static final Logger LOG = Logger.getLogger(ReconciliationRuns.class.getName());

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Inject
    InventoryKeeper keeper;

    @Inject
    AuditTrail audit;

    @Inject
    ReconciliationRuns self;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transaction;

    Clock clock = Clock.systemUTC();

    /** Takes the ask and starts the run once that is committed; the run already running, if there is one. */
    @Transactional
    public ReconciliationRun ask(String by) {
        var now = clock.instant();
        var running = em.createQuery("select r from ReconciliationRun r where r.state = :running "
                        + "and r.askedAt > :since order by r.askedAt desc", ReconciliationRun.class)
                .setParameter("running", ReconciliationRun.State.RUNNING)
                .setParameter("since", now.minus(ReconciliationRun.ABANDONED_AFTER))
                .setMaxResults(1)
                .getResultStream().findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        var run = ReconciliationRun.asked(by, now);
        em.persist(run);
        audit.record(new AuditEntry(now, by, "nhi.reconciliation-asked", "nhi:inventory",
                "reconciliation " + run.id() + " of the NHI inventory with Keycloak asked for"));
        var id = run.id();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> self.run(id));
                }
            }
        });
        return run;
    }

    /** How the run stands. */
    @Transactional
    public ReconciliationRun one(String id) {
        var run = em.find(ReconciliationRun.class, id);
        if (run == null) {
            throw new NotFound("no reconciliation " + id);
        }
        return run;
    }

    /** Runs it (outside any transaction: Keycloak is read for minutes) and keeps what it found, or why it failed. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void run(String id) {
        try {
            var found = keeper.reconcile();
            self.finish(id, run -> run.done(found, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The reconciliation " + id + " asked for failed", e);
            var why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            self.finish(id, run -> run.failed(why, clock.instant()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String id, java.util.function.Consumer<ReconciliationRun> outcome) {
        outcome.accept(em.find(ReconciliationRun.class, id));
    }
}

package io.writ.workflow.engine;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.persistence.SharedLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Builds the embedded engine once at start: the container's datasource and JTA transaction manager (so a
 * process step and the JPA writes around it commit or roll back together), a job executor that runs on the
 * container's managed threads and fires due timers within a second, and the models of the bpmn module.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@TransactionManagement(TransactionManagementType.BEAN)
public class ProcessEngineStartup {

    private static final Logger LOG = Logger.getLogger(ProcessEngineStartup.class.getName());
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Resource(lookup = "java:app/jdbc/writ")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    BeanManager beanManager;

    @Inject
    SharedLocks locks;

    @Inject
    @ConfigProperty(name = "writ.jobs.wait-millis", defaultValue = "50")
    int jobWaitMillis;

    @Inject
    @ConfigProperty(name = "writ.jobs.max-wait-millis", defaultValue = "250")
    long jobMaxWaitMillis;

    @Inject
    @ConfigProperty(name = "writ.jobs.lock-millis", defaultValue = "60000")
    int jobLockMillis;

    @Inject
    @ConfigProperty(name = "writ.jobs.threads", defaultValue = "4")
    int jobThreads;

    private ProcessEngine engine;

    @PostConstruct
    void start() {
        var configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setTransactionManager(lookupTransactionManager());
        configuration.setDataSource(dataSource);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setProcessEngineName("writ");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setBeans(new CdiBeans(beanManager));
        configuration.setJobExecutor(jobExecutor());
        configuration.setJobExecutorActivate(true);
        // Revocations (window ends, their removal, containment) first, then grants, then the rest (reminders,
        // escalations, rotations): the models give those jobs their priority (camunda:jobPriority).
        configuration.setJobExecutorAcquireByPriority(true);
        // Keycloak steps retry for minutes, not three times at once: a restart of Keycloak must not strand a revocation.
        configuration.setFailedJobRetryTimeCycle("R10/PT30S");
        configuration.setMetricsEnabled(false);
        RefusalsAreAnswers.install();
        // Nodes starting together on a fresh database would each create the engine's tables: one at a time.
        engine = locks.whileHolding("process-engine-start", () -> {
            keepHistoryAtAuditLevel(dataSource);
            var built = configuration.buildProcessEngine();
            deployModels(built);
            return built;
        });
        LOG.info(() -> "Process engine '" + engine.getName() + "' started; job executor active");
    }

    /**
     * The engine's history is kept at the audit level: process, activity, task and variable instances, which the
     * writ's page reads. The full level also kept every variable's every update, every job's log and every decision's
     * inputs and outputs: more than half the rows a lifecycle wrote, and most of the job threads' time on H2 (seen in
     * the throughput benchmark's profile); Writ's own audit trail is the evidence. A database an earlier version
     * started at the full level is set to the audit level first, as the engine refuses a level other than the one
     * it finds; a new database has no engine tables yet, and the engine makes them at the audit level.
     */
    static void keepHistoryAtAuditLevel(DataSource dataSource) {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
            update.setString(1, "2");
            update.setString(2, "3");
            if (update.executeUpdate() > 0) {
                LOG.info("The process engine's history is kept at the audit level from now on (it was full); what "
                        + "was kept before stays");
            }
        } catch (java.sql.SQLException e) {
            LOG.fine(() -> "No process engine tables yet (" + e.getMessage() + "): the engine makes them");
        }
    }

    private ManagedJobExecutor jobExecutor() {
        var executor = new ManagedJobExecutor(managedThreads, jobThreads, 100);
        executor.setWaitTimeInMillis(jobWaitMillis);
        executor.setMaxWait(jobMaxWaitMillis);
        executor.setLockTimeInMillis(jobLockMillis);
        executor.setMaxJobsPerAcquisition(10);
        return executor;
    }

    private static void deployModels(ProcessEngine engine) {
        var deployment = engine.getRepositoryService().createDeployment()
                .name("writ")
                .enableDuplicateFiltering(true);
        ProcessModels.RESOURCES.forEach(deployment::addClasspathResource);
        deployment.deploy();
    }

    private static TransactionManager lookupTransactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
        } catch (NamingException e) {
            throw new IllegalStateException("No JTA transaction manager at " + TRANSACTION_MANAGER, e);
        }
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** Whether the job executor is running: without it no timer fires and no revocation happens. */
    public boolean jobExecutorActive() {
        return engine != null
                && ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive();
    }
}

package io.writ.bpmn;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The process tests' engine (camunda.cfg.xml): in-memory H2 by default; the PostgreSQL database named by the system
 * property {@code writ.test.jdbc.url} when set, which ./test.sh does for a second run of the same tests.
 */
public class TestEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

    public TestEngineConfiguration() {
        var url = System.getProperty("writ.test.jdbc.url");
        if (url == null || url.isBlank()) {
            setJdbcUrl("jdbc:h2:mem:writ-process-tests;DB_CLOSE_DELAY=1000");
        } else {
            setJdbcUrl(url);
            setJdbcDriver("org.postgresql.Driver");
            setJdbcUsername("writ");
            setJdbcPassword("writ");
        }
        setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    }
}

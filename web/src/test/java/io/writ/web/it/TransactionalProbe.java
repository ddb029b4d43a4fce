package io.writ.web.it;

import io.writ.bpmn.ProcessModels;
import io.writ.workflow.engine.ProcessEngineStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Starts the probe process in a container-managed transaction, as application services will. */
@ApplicationScoped
public class TransactionalProbe {

    @Inject
    ProcessEngineStartup processEngine;

    @Transactional
    public long runningElevations() {
        return processEngine.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.ELEVATION).count();
    }

    @Transactional
    public String start() {
        return processEngine.engine().getRuntimeService().startProcessInstanceByKey(ProcessModels.PROBE).getId();
    }
}

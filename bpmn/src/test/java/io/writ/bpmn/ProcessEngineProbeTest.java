package io.writ.bpmn;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

@ExtendWith(ProcessEngineExtension.class)
class ProcessEngineProbeTest {

    ProcessEngine engine;

    @Test
    @Deployment(resources = "process-engine-probe.bpmn")
    void waitsOnItsTimerThenEnds() {
        var probe = engine.getRuntimeService().startProcessInstanceByKey(ProcessModels.PROBE);

        assertThat(probe).isWaitingAt(ProcessModels.PROBE_TIMER);
        execute(job());
        assertThat(probe).isEnded().hasPassed(ProcessModels.PROBE_END);
    }
}

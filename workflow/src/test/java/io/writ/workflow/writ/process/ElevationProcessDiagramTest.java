package io.writ.workflow.writ.process;

import io.writ.bpmn.ProcessModels;
import io.writ.domain.writ.Writs;
import io.writ.workflow.engine.ProcessEngineStartup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstanceQuery;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Answers.RETURNS_DEEP_STUBS;
import static org.mockito.Answers.RETURNS_SELF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The writ page's diagram read while the writ's process ends: the page after "End now" reads the process as the
 * revocation finishes it, and a process that ended between reading its history and its runtime is shown finished,
 * not answered with a failure of the page (seen in the suite: "execution … doesn't exist", a 500 after End now).
 */
class ElevationProcessDiagramTest {

    private final ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
    private final ElevationProcess process = new ElevationProcess();

    ElevationProcessDiagramTest() {
        var startup = mock(ProcessEngineStartup.class);
        when(startup.engine()).thenReturn(engine);
        process.startup = startup;
        when(engine.getRepositoryService().getProcessModel("elevation:1"))
                .thenAnswer(call -> new ByteArrayInputStream("<definitions/>".getBytes()));
        when(engine.getRepositoryService().getBpmnModelInstance("elevation:1"))
                .thenReturn(Bpmn.createExecutableProcess(ProcessModels.ELEVATION).startEvent().endEvent("EndEvent_Ended")
                        .done());
        var passed = mock(HistoricActivityInstanceQuery.class, RETURNS_SELF);
        when(passed.list()).thenReturn(List.of());
        when(engine.getHistoryService().createHistoricActivityInstanceQuery()).thenReturn(passed);
    }

    @Test
    void aProcessThatEndsWhileThePageReadsItIsShownFinished() {
        var writ = Writs.active();
        writ.attachProcess("p-1");
        var running = instance(null);
        var ended = instance(new Date());
        when(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId("p-1").singleResult())
                .thenReturn(running, ended);
        when(engine.getRuntimeService().getActiveActivityIds("p-1"))
                .thenThrow(new NullValueException("execution p-1 doesn't exist: execution is null"));

        var diagram = process.diagramOf(writ);

        assertThat(diagram.currentStep()).isEqualTo("Finished: EndEvent_Ended");
        assertThat(diagram.active()).isEmpty();
    }

    @Test
    void aRunningProcessShowsTheStepAPersonWaitsOn() {
        var writ = Writs.active();
        writ.attachProcess("p-1");
        var running = instance(null);
        when(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId("p-1").singleResult())
                .thenReturn(running);
        when(engine.getRuntimeService().getActiveActivityIds("p-1")).thenReturn(List.of(ProcessModels.GATEWAY_AWAIT_END));
        when(engine.getRuntimeService().createIncidentQuery().processInstanceId(any()).count()).thenReturn(0L);

        var diagram = process.diagramOf(writ);

        assertThat(diagram.currentStep()).isEqualTo("Waiting for the window to end");
        assertThat(diagram.active()).contains(ProcessModels.GATEWAY_AWAIT_END, ProcessModels.TIMER_WINDOW_ENDED);
    }

    private static HistoricProcessInstance instance(Date endTime) {
        var instance = mock(HistoricProcessInstance.class);
        when(instance.getProcessDefinitionId()).thenReturn("elevation:1");
        when(instance.getEndTime()).thenReturn(endTime);
        when(instance.getEndActivityId()).thenReturn("EndEvent_Ended");
        return instance;
    }
}

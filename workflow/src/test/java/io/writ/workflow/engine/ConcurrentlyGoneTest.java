package io.writ.workflow.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Delivering a message that another action is taking away at the same moment is a concurrent change, done again on
 * what the other left, however the engine happens to report it.
 */
class ConcurrentlyGoneTest {

    @Test
    void anEngineTrippingOverExecutionsBeingEndedIsAConcurrentChange() {
        var engine = mock(ProcessEngine.class);
        var runtime = mock(RuntimeService.class);
        var correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
        when(engine.getRuntimeService()).thenReturn(runtime);
        when(runtime.createMessageCorrelation("writ-end-requested")).thenReturn(correlation);
        when(correlation.correlateAllWithResult()).thenThrow(new NullPointerException(
                "Cannot invoke \"java.util.List.isEmpty()\" because the return value of \"getExecutions()\" is null"));

        assertThatThrownBy(() -> ConcurrentlyGone.correlateAll(engine, "writ-end-requested", "writ-1"))
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("another action was ending at the same moment")
                .hasCauseInstanceOf(NullPointerException.class);
    }
}

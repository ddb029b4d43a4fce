package io.writ.bpmn;

import java.util.List;

/** Process keys, element ids and the model resources the engine deploys: one place for every name Java uses. */
public final class ProcessModels {

    /** Every model resource on the class path that the embedded engine deploys at start. */
    public static final List<String> RESOURCES = List.of(
            "process-engine-probe.bpmn");

    /** A timer that fires one second after start: proves the job executor runs timers in time. */
    public static final String PROBE = "process-engine-probe";
    public static final String PROBE_TIMER = "Timer_OneSecond";
    public static final String PROBE_END = "End_TimerFired";

    private ProcessModels() {
    }
}

package io.writ.workflow.writ;

import java.util.List;

/**
 * A writ's process as a picture: the BPMN XML of the very process definition version the writ runs on, the elements
 * where it stands now, those it has already passed, and where it stands in words (the picture's text alternative).
 *
 * @param bpmnXml     the process model, as deployed
 * @param active      the elements to show as current: what the engine reports as active, plus the event an
 *                    event-based gateway waits for (the window's timer), which is what a person would call the step
 * @param completed   the elements passed so far, in the order they were reached, without those active again
 * @param currentStep where the writ stands, in a few words ("Waiting for the window to end")
 */
public record WritDiagram(String bpmnXml, List<String> active, List<String> completed, String currentStep) {

    public WritDiagram {
        active = List.copyOf(active);
        completed = List.copyOf(completed);
    }
}

package io.writ.domain.alert;

/** Security's verdict on an alert. */
public enum TriageOutcome {
    /** A false positive: nothing was wrong (a comment says why). */
    DISMISS(AlertState.DISMISSED),
    /** A real incident, handled. */
    CONFIRM(AlertState.CONFIRMED),
    /** A real incident that needs more than the analyst: handed to incident response. */
    ESCALATE(AlertState.ESCALATED);

    private final AlertState state;

    TriageOutcome(AlertState state) {
        this.state = state;
    }

    AlertState state() {
        return state;
    }
}

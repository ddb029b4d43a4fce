package io.writ.domain.alert;

/** Where an alert is: raised, being contained, contained and awaiting triage, or triaged. */
public enum AlertState {
    OPEN(false), CONTAINING(false), CONTAINED(false), DISMISSED(true), CONFIRMED(true), ESCALATED(true);

    private final boolean triaged;

    AlertState(boolean triaged) {
        this.triaged = triaged;
    }

    public boolean isTriaged() {
        return triaged;
    }
}

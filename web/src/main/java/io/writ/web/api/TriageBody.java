package io.writ.web.api;

/** Security's verdict on an alert: DISMISS (with a comment saying why), CONFIRM or ESCALATE. */
public record TriageBody(String outcome, String comment) {
}

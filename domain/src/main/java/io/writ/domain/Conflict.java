package io.writ.domain;

/** The thing acted on is not in a state that allows the action (a decided writ, a triaged alert). */
public class Conflict extends WritException {

    public Conflict(String message) {
        super(message);
    }
}

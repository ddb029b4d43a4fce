package io.writ.domain.writ;

import io.writ.domain.Conflict;

/** The writ is not in a state that allows this (for example a decision on a writ that awaits none). */
public class WritStateConflict extends Conflict {

    private final WritState state;

    public WritStateConflict(WritState state, String message) {
        super(message);
        this.state = state;
    }

    /** The state the writ was in when the action was refused. */
    public WritState state() {
        return state;
    }
}

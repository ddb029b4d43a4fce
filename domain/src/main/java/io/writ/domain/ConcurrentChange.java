package io.writ.domain;

/**
 * Others changed the same thing at the same moment, again and again, each time the action was done again on what
 * they left: nothing was changed, and trying again shortly helps. Not a refusal: the action may well be valid.
 */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String message, Throwable cause) {
        super(message, cause);
    }
}

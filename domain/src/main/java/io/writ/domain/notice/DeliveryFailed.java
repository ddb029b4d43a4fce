package io.writ.domain.notice;

/**
 * A mail server or webhook receiver could not be reached or did not accept a notice. Tried again later, unless it
 * is permanent (a malformed address, or one the mail server refuses): no retry would change that answer.
 */
public class DeliveryFailed extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailed(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public DeliveryFailed(String message, Throwable cause) {
        this(message, cause, false);
    }

    public boolean isPermanent() {
        return permanent;
    }
}

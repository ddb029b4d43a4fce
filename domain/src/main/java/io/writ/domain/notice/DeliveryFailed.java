package io.writ.domain.notice;

/** A mail server or webhook receiver could not be reached or did not accept a notice; it is tried again later. */
public class DeliveryFailed extends RuntimeException {

    public DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}

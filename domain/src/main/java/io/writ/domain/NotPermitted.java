package io.writ.domain;

/** The person may not do this to this thing, whatever its state (for example ending someone else's writ). */
public class NotPermitted extends WritException {

    public NotPermitted(String message) {
        super(message);
    }
}

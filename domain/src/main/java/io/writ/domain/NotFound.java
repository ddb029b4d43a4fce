package io.writ.domain;

/** Nothing is known by that name or id (an unknown writ, ticket or entitlement). */
public class NotFound extends WritException {

    public NotFound(String message) {
        super(message);
    }
}

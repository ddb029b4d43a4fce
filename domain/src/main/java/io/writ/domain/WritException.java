package io.writ.domain;

/**
 * A business rule said no. Unchecked, so a transaction that meets one rolls back and nothing changes; the edge
 * (API, pages) turns each kind into its answer: {@link InvalidRequest} 400, {@link NotPermitted} 403, a state
 * conflict 409, an unknown writ 404.
 */
public class WritException extends RuntimeException {

    protected WritException(String message) {
        super(message);
    }
}

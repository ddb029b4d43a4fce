package io.writ.domain;

import java.util.Objects;

/** What is wrong with one field of what a user sent, named as the API names the field. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}

package io.writ.domain;

import java.util.List;
import java.util.stream.Collectors;

/** What the user sent cannot be accepted; carries every field error at once so the user fixes them in one go. */
public class InvalidRequest extends WritException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}

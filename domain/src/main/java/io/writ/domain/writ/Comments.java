package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;

/** The free text people give with a decision or a review: optional or required, never longer than the column. */
final class Comments {

    static final int MAX_TEXT = 2000;

    private Comments() {
    }

    /** The comment stripped, or null when none was given. */
    static String optional(String comment, String field) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.length() > MAX_TEXT) {
            throw InvalidRequest.of(field, "at most " + MAX_TEXT + " characters");
        }
        return comment.strip();
    }

    /** The comment stripped; refused when none was given, saying why one is needed. */
    static String required(String comment, String field, String why) {
        var kept = optional(comment, field);
        if (kept == null) {
            throw InvalidRequest.of(field, "is required: " + why);
        }
        return kept;
    }
}

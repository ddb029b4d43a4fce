package io.writ.domain.identity;

import java.util.Objects;

/**
 * How to reach a person the directory knows: their username, and their e-mail address if they have one (a
 * service account usually has none).
 */
public record Contact(String username, String email) {

    public Contact {
        Objects.requireNonNull(username, "username");
        email = email == null || email.isBlank() ? null : email.strip();
    }
}

package io.writ.domain.writ;

import io.writ.domain.stepup.SignIn;

import java.util.Objects;
import java.util.Set;

/**
 * A person deciding on a writ, with the groups (realm roles or groups) they belong to at that moment, and how they
 * had signed in (what step-up reads, and what the decision keeps).
 */
public record Approver(String username, Set<String> groups, SignIn signIn) {

    public Approver {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an approver has a username");
        }
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
        Objects.requireNonNull(signIn, "signIn");
    }

    /** A person whose sign-in is not known. */
    public Approver(String username, Set<String> groups) {
        this(username, groups, SignIn.UNKNOWN);
    }

    /** The same person, who had signed in so. */
    public Approver signedIn(SignIn how) {
        return new Approver(username, groups, how);
    }

    public static Approver of(String username, String... groups) {
        return new Approver(username, Set.of(groups));
    }

    public boolean isIn(String group) {
        return group != null && groups.contains(group);
    }
}

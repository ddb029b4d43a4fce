package io.writ.domain.writ;

import java.util.Objects;
import java.util.Set;

/** A person deciding on a writ, with the groups (realm roles or groups) they belong to at that moment. */
public record Approver(String username, Set<String> groups) {

    public Approver {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an approver has a username");
        }
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    public static Approver of(String username, String... groups) {
        return new Approver(username, Set.of(groups));
    }

    public boolean isIn(String group) {
        return group != null && groups.contains(group);
    }
}

package io.writ.workflow.keycloak;

import java.util.Arrays;
import java.util.List;

/** Reads a Keycloak group path ("/vendors/acme"), in which a slash inside a group's name is written "~/". */
final class GroupPath {

    private GroupPath() {
    }

    /** The names along the path, outermost first; empty for a null or empty path. */
    static List<String> names(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        return Arrays.stream(path.split("(?<!~)/"))
                .filter(name -> !name.isEmpty())
                .map(name -> name.replace("~/", "/"))
                .toList();
    }
}

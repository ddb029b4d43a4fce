package io.writ.workflow.keycloak;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an administrator is marked as third-party (a contractor or vendor) in the directory: the user attribute
 * {@value #ATTRIBUTE} set to {@code true}, or membership of the configured group. Either mark is enough, so the
 * stricter policy applies whichever way the directory's administrators chose to record it.
 */
final class ThirdPartyMark {

    /** Declared in the realm's user profile, editable by Keycloak admins only: users cannot unmark themselves. */
    static final String ATTRIBUTE = "writ.third-party";

    private final String group;

    ThirdPartyMark(String group) {
        this.group = group;
    }

    /**
     * @param attributes the user's attributes as Keycloak returns them (null when it has none)
     * @param groupNames the names of the user's groups, including the groups those are nested in
     */
    boolean isOn(Map<String, List<String>> attributes, Set<String> groupNames) {
        return attributeSaysSo(attributes) || (group != null && !group.isBlank() && groupNames.contains(group));
    }

    private static boolean attributeSaysSo(Map<String, List<String>> attributes) {
        if (attributes == null) {
            return false;
        }
        // Lenient about case and spaces: a mark typed by hand should tighten the policy, not be ignored.
        return attributes.getOrDefault(ATTRIBUTE, List.of()).stream()
                .anyMatch(value -> value != null && value.strip().equalsIgnoreCase("true"));
    }
}

package io.writ.domain.writ;

import io.writ.domain.FieldError;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the requester said they will touch during the window: target systems, commands and file destinations, each
 * a list of patterns with {@code *} wildcards. An empty list declares nothing and so allows everything of that
 * kind; a non-empty list allows only what matches one of its patterns. Session activity outside it is out of scope.
 */
@Embeddable
public class DeclaredScope {

    /** Longest stored list, patterns joined by line breaks (the column is varchar(4000)). */
    static final int MAX_STORED_LENGTH = 4000;
    private static final String SEPARATOR = "\n";

    // Each list is one column, patterns joined by line breaks: the scope is read and written whole, never queried.
    @Column(name = "scope_targets", length = MAX_STORED_LENGTH)
    private String targets;

    @Column(name = "scope_commands", length = MAX_STORED_LENGTH)
    private String commands;

    @Column(name = "scope_file_destinations", length = MAX_STORED_LENGTH)
    private String fileDestinations;

    protected DeclaredScope() {
        // for JPA
    }

    private DeclaredScope(List<String> targets, List<String> commands, List<String> fileDestinations) {
        this.targets = join(targets);
        this.commands = join(commands);
        this.fileDestinations = join(fileDestinations);
    }

    /** A scope from the three lists; a null list is an empty one, blank patterns are dropped. */
    public static DeclaredScope of(List<String> targets, List<String> commands, List<String> fileDestinations) {
        return new DeclaredScope(targets, commands, fileDestinations);
    }

    /** Declares nothing, so allows everything. */
    public static DeclaredScope unrestricted() {
        return new DeclaredScope(null, null, null);
    }

    public boolean allowsTarget(String target) {
        return allows(targets(), target);
    }

    public boolean allowsCommand(String command) {
        return allows(commands(), command);
    }

    public boolean allowsFileDestination(String destination) {
        return allows(fileDestinations(), destination);
    }

    public List<String> targets() { return split(targets); }
    public List<String> commands() { return split(commands); }
    public List<String> fileDestinations() { return split(fileDestinations); }

    /** What cannot be stored as declared, named as the API names the fields. */
    List<FieldError> problems() {
        var problems = new ArrayList<FieldError>();
        check("scope.targets", targets, problems);
        check("scope.commands", commands, problems);
        check("scope.fileDestinations", fileDestinations, problems);
        return problems;
    }

    private static void check(String field, String joined, List<FieldError> problems) {
        if (joined != null && joined.length() > MAX_STORED_LENGTH) {
            problems.add(new FieldError(field, "too many or too long patterns (at most "
                    + MAX_STORED_LENGTH + " characters in all)"));
        }
    }

    private static boolean allows(List<String> patterns, String value) {
        if (patterns.isEmpty()) {
            return true;
        }
        return value != null && patterns.stream().anyMatch(p -> Wildcard.matches(p, value));
    }

    private static String join(List<String> patterns) {
        if (patterns == null) {
            return null;
        }
        var kept = patterns.stream().filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty())
                // A line break inside a pattern would split it in two when read back; no real pattern has one.
                .map(p -> p.replaceAll("\\R", " "))
                .toList();
        return kept.isEmpty() ? null : String.join(SEPARATOR, kept);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : List.of(joined.split(SEPARATOR));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeclaredScope s && Objects.equals(targets, s.targets)
                && Objects.equals(commands, s.commands) && Objects.equals(fileDestinations, s.fileDestinations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targets, commands, fileDestinations);
    }

    @Override
    public String toString() {
        return "scope{targets=" + targets() + ", commands=" + commands() + ", fileDestinations=" + fileDestinations()
                + "}";
    }
}

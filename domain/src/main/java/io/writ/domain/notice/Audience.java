package io.writ.domain.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a notice is for, as the model knows them when it is recorded: named people and groups, less people who must
 * not be asked (the requester is never asked to approve their own writ, even when they are in the approver group).
 * The groups are turned into people when the notice is delivered, so whoever is in them then is told.
 */
@Embeddable
public class Audience {

    private static final String SEPARATOR = "\n";

    // Each list is one column, names joined by line breaks (which no username or group name holds): the audience
    // is read and written whole, never queried.
    @Column(name = "to_users", length = 2000)
    private String users;

    @Column(name = "to_groups", length = 1000)
    private String groups;

    @Column(name = "except_users", length = 2000)
    private String except;

    protected Audience() {
        // for JPA
    }

    private Audience(Collection<String> users, Collection<String> groups, Collection<String> except) {
        this.users = join(users);
        this.groups = join(groups);
        this.except = join(except);
    }

    /** These people by username. */
    public static Audience people(Collection<String> usernames) {
        return new Audience(new LinkedHashSet<>(usernames), List.of(), List.of());
    }

    /** The members of these groups when the notice is delivered, less these people whatever their groups. */
    public static Audience groups(Collection<String> groups, Collection<String> except) {
        return new Audience(List.of(), new LinkedHashSet<>(groups), new LinkedHashSet<>(except));
    }

    public List<String> users() { return split(users); }
    public List<String> groups() { return split(groups); }
    /** People never told, even when named or in one of the groups. */
    public Set<String> except() { return Set.copyOf(split(except)); }

    /** Whether this person is to be told, once found among the users or the groups' members. */
    public boolean admits(String username) {
        return !except().contains(username);
    }

    @Override
    public String toString() {
        var parts = new ArrayList<String>();
        if (!users().isEmpty()) {
            parts.add("people " + String.join(", ", users()));
        }
        if (!groups().isEmpty()) {
            parts.add("groups " + String.join(", ", groups()));
        }
        if (!except().isEmpty()) {
            parts.add("except " + String.join(", ", split(except)));
        }
        return String.join("; ", parts);
    }

    private static String join(Collection<String> names) {
        var kept = names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
        return kept.isEmpty() ? null : String.join(SEPARATOR, kept);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}

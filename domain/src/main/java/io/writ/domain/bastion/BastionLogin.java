package io.writ.domain.bastion;

import io.writ.domain.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A login a bastion asks about.
 *
 * @param bastion  the bastion's name, as writs name it among their targets (for example {@code bastion-1})
 * @param identity the Keycloak username the Unix account maps to
 * @param account  the Unix account asked for
 * @param from     where the connection comes from (address and port, as sshd saw it)
 * @param served   the entitlements whose writs open this bastion
 */
public record BastionLogin(String bastion, String identity, String account, String from, Set<String> served) {

    public static final int MAX_NAME = 200;
    /**
     * Names of bastions, identities and accounts: printable, no spaces or shell metacharacters, and not starting
     * with "-" (no name may read as a command's option).
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+][A-Za-z0-9._@+-]{0,199}");

    /** Everything wrong with the question, by field; empty when it can be decided. */
    public List<FieldError> problems() {
        var problems = new ArrayList<FieldError>();
        name("bastion", bastion, problems);
        name("identity", identity, problems);
        name("account", account, problems);
        if (from != null && from.length() > MAX_NAME) {
            problems.add(new FieldError("from", "at most " + MAX_NAME + " characters"));
        }
        served(served, problems);
        return problems;
    }

    /** Everything wrong with a bastion's name and the entitlements it serves, by field. */
    public static List<FieldError> problemsOfBastion(String bastion, Set<String> served) {
        var problems = new ArrayList<FieldError>();
        name("bastion", bastion, problems);
        served(served, problems);
        return problems;
    }

    private static void served(Set<String> served, List<FieldError> problems) {
        if (served == null || served.isEmpty()) {
            problems.add(new FieldError("served", "the entitlements this bastion serves: at least one"));
        } else {
            served.forEach(e -> name("served", e, problems));
        }
    }

    private static void name(String field, String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, "is required"));
        } else if (!NAME.matcher(value).matches()) {
            problems.add(new FieldError(field, "letters, digits and . _ @ + - only (not first: -), at most "
                    + MAX_NAME + " characters"));
        }
    }
}

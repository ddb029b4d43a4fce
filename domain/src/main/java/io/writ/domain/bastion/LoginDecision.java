package io.writ.domain.bastion;

import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * Whether a bastion may let a login in, and under which writ: an ACTIVE writ of the identity, covering this instant,
 * for an entitlement the bastion serves, whose declared targets name the bastion. A writ that declares no targets
 * opens no bastion: reaching a host is part of what the approvers saw. Of several, the one whose window ends last.
 *
 * @param writ   the writ the session will be filed under; empty when the login is refused
 * @param reason why, in a sentence (for a refusal, which writ was missing)
 */
public record LoginDecision(Optional<Writ> writ, String reason) {

    private static final Comparator<Writ> LAST_TO_END = Comparator.comparing(w -> w.grant().orElseThrow().windowEnd());

    public boolean admitted() {
        return writ.isPresent();
    }

    /**
     * @param active the identity's ACTIVE writs
     */
    public static LoginDecision decide(BastionLogin login, List<Writ> active, Instant now) {
        var current = active.stream()
                .filter(w -> w.state() == WritState.ACTIVE && w.isActiveAt(now))
                .toList();
        var served = current.stream().filter(w -> login.served().contains(w.entitlement())).toList();
        var opening = served.stream()
                .filter(w -> namesBastion(w, login.bastion()))
                .max(LAST_TO_END);
        if (opening.isPresent()) {
            var w = opening.get();
            return new LoginDecision(opening, login.identity() + " admitted to " + login.bastion() + " under writ "
                    + w.id() + " (" + w.entitlement() + ", until " + w.grant().orElseThrow().windowEnd() + ")");
        }
        var wanted = "an ACTIVE writ for " + String.join(" or ", login.served().stream().sorted().toList())
                + " whose targets name " + login.bastion();
        if (!served.isEmpty()) {
            return refused(login, wanted + "; " + served.stream()
                    .map(w -> "writ " + w.id() + " (" + w.entitlement() + ") names " + (w.scope().targets().isEmpty()
                            ? "no targets" : "targets " + w.scope().targets()))
                    .collect(Collectors.joining("; ")));
        }
        if (!current.isEmpty()) {
            return refused(login, wanted + "; it holds only " + current.stream().map(Writ::entitlement).distinct()
                    .sorted().collect(Collectors.joining(", ")));
        }
        return refused(login, wanted + "; it holds no ACTIVE writ");
    }

    /**
     * Who this bastion lets in now, and under which writ: for each identity, the writ {@link #decide} would name.
     * The bastion's agent keeps this list (asked again every moment) so that it can admit a login without a question
     * per login; whatever the list does not admit is asked of the portal.
     *
     * @param active ACTIVE writs (of anyone)
     */
    public static Map<String, Writ> admissions(String bastion, Set<String> served, List<Writ> active, Instant now) {
        return active.stream()
                .filter(w -> w.state() == WritState.ACTIVE && w.isActiveAt(now) && served.contains(w.entitlement())
                        && namesBastion(w, bastion))
                .collect(Collectors.toMap(Writ::target, w -> w, BinaryOperator.maxBy(LAST_TO_END), TreeMap::new));
    }

    /** A writ that declares no targets opens no bastion. */
    private static boolean namesBastion(Writ w, String bastion) {
        return !w.scope().targets().isEmpty() && w.scope().allowsTarget(bastion);
    }

    private static LoginDecision refused(BastionLogin login, String why) {
        return new LoginDecision(Optional.empty(), login.identity() + " refused at " + login.bastion() + ": needs "
                + why);
    }
}

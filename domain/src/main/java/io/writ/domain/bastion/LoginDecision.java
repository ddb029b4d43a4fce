package io.writ.domain.bastion;

import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
                .filter(w -> !w.scope().targets().isEmpty() && w.scope().allowsTarget(login.bastion()))
                .max(Comparator.comparing(w -> w.grant().orElseThrow().windowEnd()));
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

    private static LoginDecision refused(BastionLogin login, String why) {
        return new LoginDecision(Optional.empty(), login.identity() + " refused at " + login.bastion() + ": needs "
                + why);
    }
}
